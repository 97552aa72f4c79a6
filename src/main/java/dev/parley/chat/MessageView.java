package dev.parley.chat;

import dev.parley.protocol.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * A stored message as history shows it, with its sender's name as live frames
 * carry it; a deleted one keeps its place but not its content.
 */
@RegisterForReflection
public record MessageView(long id, long chatId, long seq, Long senderId, String senderUsername, String content,
                          MessageType messageType, String clientMsgId, Instant createdAt, Instant editedAt,
                          boolean deleted) {

    public static MessageView of(Message message, String senderUsername) {
        return new MessageView(message.getId(), message.getConversationId(), message.getSeq(), message.getSenderId(),
                senderUsername, message.getContent(), message.getMessageType(), message.getClientMsgId(),
                message.getCreatedAt(), message.getEditedAt(), message.getDeletedAt() != null);
    }

    public static MessageView of(StoredMessage stored) {
        return of(stored.message(), stored.senderUsername());
    }
}
