package dev.parley.gateway;

import dev.parley.auth.CurrentCaller;
import dev.parley.chat.ChatConfig;
import dev.parley.chat.History;
import dev.parley.chat.StoredMessage;
import dev.parley.cluster.Session;
import dev.parley.error.ChatException;
import dev.parley.events.ChatEvents;
import dev.parley.protocol.FrameCodec;
import dev.parley.protocol.ServerFrame;
import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /ws/rooms/{room}?token=JWT}: joins the named room (creating it), then
 * sends {@code connected}, the room's last messages oldest first, and live traffic. Frames that name no chat go to
 * this room, so a seed 002 client's {@code {"type":"message","content":"hi"}} works.
 */
@WebSocket(path = "/ws/rooms/{room}")
@Authenticated
public class RoomSocket extends ChatEndpoint {

    /** The room name is not valid; the connection is closed with this code after an error frame. */
    public static final int INVALID_ROOM = 4400;
    private static final CloseReason INVALID = new CloseReason(INVALID_ROOM, "invalid room");

    private final MembershipCommands membership;
    private final History history;
    private final ChatConfig config;

    RoomSocket(Sessions sessions, FrameDispatcher dispatcher, FrameCodec codec, CurrentCaller caller,
               MembershipCommands membership, History history, ChatConfig config, Draining draining, Guards guards) {
        super(sessions, dispatcher, codec, caller, draining, guards);
        this.membership = membership;
        this.history = history;
        this.config = config;
    }

    /** Joins before {@code connected} goes out, and reads the backlog that follows it. */
    @Override
    protected Uni<Opened> prepare(WebSocketConnection connection) {
        Session session = Session.of(connection);
        return membership.joinRoom(session.caller(), connection.pathParam("room"), session)
                .invoke(chatId -> session.defaultRoom(chatId))
                .chain(chatId -> history.latestWithSenders(chatId, config.roomBacklog())
                        .map(backlog -> new Opened(backlog.stream().<ServerFrame>map(stored -> new ServerFrame.NewMessage(
                                chatId, ChatEvents.body(stored.message(), stored.senderUsername(), stored.senderAvatar()),
                                true, Instant.now())).toList(), Map.of(chatId, lastSeq(backlog)), null)))
                .onFailure(ChatException.class).recoverWithItem(refusal -> new Opened(List.of(new ServerFrame.Error(
                        ((ChatException) refusal).code(), refusal.getMessage(), Instant.now())), Map.of(), INVALID));
    }

    private static long lastSeq(List<StoredMessage> backlog) {
        return backlog.isEmpty() ? 0 : backlog.getLast().message().getSeq();
    }
}
