package dev.parley.system;

import dev.parley.chat.ChatAccess;
import dev.parley.chat.ConversationKind;
import dev.parley.chat.ConversationRepository;
import dev.parley.chat.MessageContent;
import dev.parley.chat.SentMessage;
import dev.parley.chat.SystemMessageWriter;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.events.ChatEvents;
import dev.parley.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * System messages from the platform's backend ("Session booked for Tuesday
 * 16:00"): into a direct chat or a group, or into the direct chat of two users
 * (created if needed; the contact policy does not apply to the platform). Once
 * stored they travel like any message, as {@code new_message} with
 * {@code message_type: "system"}; a retry with the same key tells nobody again.
 */
@ApplicationScoped
public class SystemMessages {

    /** Bound of {@code idempotency_key} (its column's length). */
    public static final int MAX_KEY_LENGTH = 200;

    private final MessageContent content;
    private final ChatAccess access;
    private final ConversationRepository conversations;
    private final UserRepository users;
    private final SystemMessageWriter writer;
    private final ChatEvents events;

    SystemMessages(MessageContent content, ChatAccess access, ConversationRepository conversations,
                   UserRepository users, SystemMessageWriter writer, ChatEvents events) {
        this.content = content;
        this.access = access;
        this.conversations = conversations;
        this.users = users;
        this.writer = writer;
        this.events = events;
    }

    public Uni<SentMessage> post(Long chatId, List<Long> userIds, String rawContent, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new ChatException(ErrorCode.MISSING_FIELD,
                    "idempotency_key is required (1 to " + MAX_KEY_LENGTH + " characters)");
        }
        if ((chatId == null) == (userIds == null)) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Send either chat_id or user_ids (two users)");
        }
        String text = content.clean(rawContent);
        Uni<Long> chat = chatId != null ? existing(chatId) : directChat(userIds);
        return chat.chain(id -> writer.write(id, text, idempotencyKey))
                .call(sent -> {
                    if (sent.replay()) {
                        return Uni.createFrom().voidItem();
                    }
                    Log.infof("System message %d to chat %d", sent.message().getId(), sent.audience().chatId());
                    return events.messageSent(sent, events.messageFrame(sent, null), null);
                });
    }

    private Uni<Long> existing(long chatId) {
        return Panache.withSession(() -> access.require(chatId)).map(conversation -> {
            if (conversation.getKind() == ConversationKind.ROOM) {
                throw new ChatException(ErrorCode.INVALID_FIELD, "System messages go to a direct chat or a group");
            }
            return conversation.getId();
        });
    }

    private Uni<Long> directChat(List<Long> userIds) {
        if (userIds.size() != 2 || userIds.contains(null) || userIds.get(0).equals(userIds.get(1))) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "user_ids names two different users");
        }
        long a = userIds.get(0);
        long b = userIds.get(1);
        return Panache.withTransaction(() -> users.count("id in ?1 and deletedAt is null", userIds)
                .invoke(known -> {
                    if (known != 2) {
                        throw new ChatException(ErrorCode.UNKNOWN_RECIPIENT, "user_ids " + userIds
                                + " are not two known users: create them with PUT /api/v1/users/{id}");
                    }
                })
                .chain(() -> conversations.openDirect(a, b)));
    }
}
