package dev.parley.gateway;

import dev.parley.auth.Caller;
import dev.parley.chat.Chats;
import dev.parley.chat.ConversationKind;
import dev.parley.chat.MembershipChange;
import dev.parley.cluster.Node;
import dev.parley.cluster.Session;
import dev.parley.events.ChatEvents;
import dev.parley.protocol.ServerFrame;
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
    private final Node node;

    MembershipCommands(Chats chats, ChatEvents events, Node node) {
        this.chats = chats;
        this.events = events;
        this.node = node;
    }

    Uni<ServerFrame> join(Caller caller, long chatId, Session session) {
        return chats.join(caller, chatId).call(change -> joined(change, session)).replaceWith((ServerFrame) null);
    }

    /** Joins a named room (a {@code /ws/rooms/{room}} connection); returns its id. */
    Uni<Long> joinRoom(Caller caller, String room, Session session) {
        return chats.joinRoom(caller, room).call(change -> joined(change, session))
                .map(change -> change.conversation().getId());
    }

    Uni<ServerFrame> leave(Caller caller, long chatId, Session session) {
        return chats.leave(caller, chatId).call(change -> {
            if (change.conversation().getKind() != ConversationKind.ROOM) {
                session.muted().add(chatId);
                return Uni.createFrom().voidItem();
            }
            Uni<Void> notice = change.changed() ? events.left(change) : Uni.createFrom().voidItem();
            return notice.chain(() -> node.leaveRoom(session, chatId));
        }).replaceWith((ServerFrame) null);
    }

    private Uni<Void> joined(MembershipChange change, Session session) {
        long chatId = change.conversation().getId();
        if (change.conversation().getKind() != ConversationKind.ROOM) {
            session.muted().remove(chatId);
            return Uni.createFrom().voidItem();
        }
        return node.joinRoom(session, chatId)
                .chain(() -> change.changed() ? events.joined(change, session.id()) : Uni.createFrom().voidItem());
    }
}
