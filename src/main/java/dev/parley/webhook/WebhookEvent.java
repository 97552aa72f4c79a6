package dev.parley.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * The body of a webhook request (docs/integration.md, "Webhooks"). {@code id} is
 * the same on every attempt, so receivers de-duplicate by it.
 *
 * @param createdAt when the event happened: the message's arrival ({@code message.created})
 *                  or the end of the unread delay ({@code message.unread})
 */
@RegisterForReflection
public record WebhookEvent(String id, String type, Instant createdAt, Data data) {

    /** What a push notification or an e-mail needs; {@code sender_*} are absent for a system message. */
    @RegisterForReflection
    public record Data(long userId, long chatId, String chatKind, long messageId, long seq, Long senderId,
                       String senderUsername, String messageType, String content, Instant createdAt) {
    }

    static WebhookEvent of(ClaimedEvent event) {
        return new WebhookEvent(event.id().toString(), event.type(), event.dueAt(), new Data(event.userId(),
                event.chatId(), event.chatKind(), event.messageId(), event.seq(), event.senderId(),
                event.senderUsername(), event.messageType(), event.content(), event.messageCreatedAt()));
    }
}
