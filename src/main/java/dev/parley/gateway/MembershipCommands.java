package dev.parley.gateway;

import dev.parley.auth.Caller;
import dev.parley.chat.Chats;
import dev.parley.chat.ConversationKind;
import dev.parley.chat.MembershipChange;
import dev.parley.delivery.ConnectionState;
import dev.parley.events.ChatEvents;
import dev.parley.protocol.ServerFrame;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code join_chat} and {@code leave_chat}: which conversations' live events this
 * connection receives. Rooms are joined by channel (and joining makes a member);
 * direct chats and groups reach members anyway, so joining or leaving one only
 * unmutes or mutes it on this connection.
 */
@ApplicationScoped
public class MembershipCommands {

    private final Chats chats;
    private final ChatEvents events;
    private final Sessions sessions;

    MembershipCommands(Chats chats, ChatEvents events, Sessions sessions) {
        this.chats = chats;
        this.events = events;
        this.sessions = sessions;
    }

    Uni<ServerFrame> join(Caller caller, long chatId, WebSocketConnection connection) {
        return chats.join(caller, chatId).call(change -> joined(change, connection)).replaceWith((ServerFrame) null);
    }

    /** Joins a named room (a {@code /ws/rooms/{room}} connection); returns its id. */
    Uni<Long> joinRoom(Caller caller, String room, WebSocketConnection connection) {
        return chats.joinRoom(caller, room).call(change -> joined(change, connection))
                .map(change -> change.conversation().getId());
    }

    Uni<ServerFrame> leave(Caller caller, long chatId, WebSocketConnection connection) {
        return chats.leave(caller, chatId).call(change -> {
            if (change.conversation().getKind() != ConversationKind.ROOM) {
                ConnectionState.muted(connection).add(chatId);
                return Uni.createFrom().voidItem();
            }
            Uni<Void> notice = change.changed() ? events.left(change) : Uni.createFrom().voidItem();
            return notice.chain(() -> sessions.leaveRoom(connection, chatId));
        }).replaceWith((ServerFrame) null);
    }

    private Uni<Void> joined(MembershipChange change, WebSocketConnection connection) {
        long chatId = change.conversation().getId();
        if (change.conversation().getKind() != ConversationKind.ROOM) {
            ConnectionState.muted(connection).remove(chatId);
            return Uni.createFrom().voidItem();
        }
        return sessions.joinRoom(connection, chatId)
                .chain(() -> change.changed() ? events.joined(change, connection.id()) : Uni.createFrom().voidItem());
    }
}
