package dev.parley.chat;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/** A stored message as history shows it; a deleted one keeps its place but not its content. */
@RegisterForReflection
public record MessageView(long id, long chatId, long seq, long senderId, String content, String clientMsgId,
                          Instant createdAt, Instant editedAt, boolean deleted) {

    public static MessageView of(Message message) {
        return new MessageView(message.getId(), message.getConversationId(), message.getSeq(), message.getSenderId(),
                message.getContent(), message.getClientMsgId(), message.getCreatedAt(), message.getEditedAt(),
                message.getDeletedAt() != null);
    }
}
