package dev.parley.events;

import dev.parley.auth.Caller;
import dev.parley.chat.Messages;
import dev.parley.chat.SentMessage;
import dev.parley.limits.MessageRateLimiter;
import dev.parley.metrics.ChatMetrics;
import dev.parley.protocol.ServerFrame;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sending a message, whether it came as a WebSocket {@code message} frame or as
 * {@code POST /api/v1/chats/{id}/messages}: the sender's rate limit, the write,
 * and the fan-out to everyone else once it committed. A retry of a stored message
 * (same {@code client_msg_id}) returns the original and tells nobody again.
 */
@ApplicationScoped
public class MessageSending {

    /** Where a message goes: to a user's direct chat, or into a chat. */
    public sealed interface Target {
        record Direct(long recipientId) implements Target {
        }

        record Chat(long chatId) implements Target {
        }
    }

    /** The stored message and the frame its sender is answered with. */
    public record Sent(SentMessage sent, ServerFrame confirmation) {
    }

    private final Messages messages;
    private final ChatEvents events;
    private final MessageRateLimiter limiter;
    private final ChatMetrics metrics;

    MessageSending(Messages messages, ChatEvents events, MessageRateLimiter limiter, ChatMetrics metrics) {
        this.messages = messages;
        this.events = events;
        this.limiter = limiter;
        this.metrics = metrics;
    }

    /**
     * Stores and fans out a message; {@code answeredConnectionId} is the connection
     * answered directly with the confirmation (it does not get the message twice),
     * or null.
     */
    public Uni<Sent> send(Caller sender, Target target, String content, String clientMsgId,
                          String answeredConnectionId) {
        Uni<SentMessage> stored = limiter.acquire(sender.id()).chain(() -> switch (target) {
            case Target.Direct direct -> messages.sendDirect(sender, direct.recipientId(), content, clientMsgId);
            case Target.Chat chat -> messages.sendToChat(sender, chat.chatId(), content, clientMsgId);
        });
        return metrics.timeSend(stored).chain(sent -> {
            ServerFrame confirmation = events.messageFrame(sent, sender);
            if (sent.replay()) {
                return Uni.createFrom().item(new Sent(sent, confirmation));
            }
            metrics.messageSent();
            Log.infof("Message %d from %d to chat %d", sent.message().getId(), sender.id(), sent.audience().chatId());
            return events.messageSent(sent, confirmation, answeredConnectionId)
                    .replaceWith(new Sent(sent, confirmation));
        });
    }
}
