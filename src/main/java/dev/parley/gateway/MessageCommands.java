package dev.parley.gateway;

import dev.parley.auth.Caller;
import dev.parley.chat.Messages;
import dev.parley.chat.SentMessage;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.events.ChatEvents;
import dev.parley.limits.MessageRateLimiter;
import dev.parley.metrics.ChatMetrics;
import dev.parley.protocol.ClientFrame;
import dev.parley.protocol.ServerFrame;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code message}: store, confirm to the sending connection after the commit, tell everyone else. */
@ApplicationScoped
public class MessageCommands {

    private final Messages messages;
    private final ChatEvents events;
    private final MessageRateLimiter limiter;
    private final ChatMetrics metrics;

    MessageCommands(Messages messages, ChatEvents events, MessageRateLimiter limiter, ChatMetrics metrics) {
        this.metrics = metrics;
        this.messages = messages;
        this.events = events;
        this.limiter = limiter;
    }

    Uni<ServerFrame> send(Caller sender, ClientFrame.SendMessage frame, WebSocketConnection connection) {
        Uni<SentMessage> sent = limiter.acquire(sender.id()).chain(() -> frame.recipientId() != null
                ? messages.sendDirect(sender, frame.recipientId(), frame.content(), frame.clientMsgId())
                : messages.sendToChat(sender, chatOf(frame, connection), frame.content(), frame.clientMsgId()));
        return metrics.timeSend(sent).map(result -> {
            ServerFrame confirmation = events.messageFrame(result, sender);
            if (!result.replay()) {
                metrics.messageSent();
                Log.infof("Message %d from %d to chat %d", result.message().getId(), sender.id(),
                        result.audience().chatId());
                events.messageSent(result, confirmation, connection.id()).subscribe().with(ignored -> { });
            }
            return confirmation;
        });
    }

    /** The chat a frame names, or the room of a room connection. */
    static long chatOf(ClientFrame.Targeted frame, WebSocketConnection connection) {
        if (frame.chatId() != null) {
            return frame.chatId();
        }
        Long room = Sessions.defaultRoom(connection);
        if (room == null) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Missing recipient_id or chat_id");
        }
        return room;
    }
}
