package dev.parley.gateway;

import dev.parley.auth.Caller;
import dev.parley.cluster.Session;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.events.MessageSending;
import dev.parley.protocol.ClientFrame;
import dev.parley.protocol.ServerFrame;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code message}: store, tell everyone else, confirm to the sending connection ({@link MessageSending}). */
@ApplicationScoped
public class MessageCommands {

    private final MessageSending sending;

    MessageCommands(MessageSending sending) {
        this.sending = sending;
    }

    Uni<ServerFrame> send(Caller sender, ClientFrame.SendMessage frame, Session session) {
        MessageSending.Target target = frame.recipientId() != null
                ? new MessageSending.Target.Direct(frame.recipientId())
                : new MessageSending.Target.Chat(chatOf(frame, session));
        return sending.send(sender, target, frame.content(), frame.clientMsgId(), session.id())
                .map(MessageSending.Sent::confirmation);
    }

    /** The chat a frame names, or the room of a room connection. */
    static long chatOf(ClientFrame.Targeted frame, Session session) {
        if (frame.chatId() != null) {
            return frame.chatId();
        }
        Long room = session.defaultRoom();
        if (room == null) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Missing recipient_id or chat_id");
        }
        return room;
    }
}
