package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.parley.error.ErrorCode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Frames the server sends, each stamped with an ISO-8601 UTC {@code timestamp}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerFrame.Connected.class, name = "connected"),
        @JsonSubTypes.Type(value = ServerFrame.ChatMessage.class, name = "message"),
        @JsonSubTypes.Type(value = ServerFrame.NewMessage.class, name = "new_message"),
        @JsonSubTypes.Type(value = ServerFrame.MessageUpdated.class, name = "message_updated"),
        @JsonSubTypes.Type(value = ServerFrame.MessageDeleted.class, name = "message_deleted"),
        @JsonSubTypes.Type(value = ServerFrame.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ServerFrame.Read.class, name = "read"),
        @JsonSubTypes.Type(value = ServerFrame.MessagesRead.class, name = "messages_read"),
        @JsonSubTypes.Type(value = ServerFrame.Delivered.class, name = "delivered"),
        @JsonSubTypes.Type(value = ServerFrame.UserJoined.class, name = "user_joined"),
        @JsonSubTypes.Type(value = ServerFrame.UserLeft.class, name = "user_left"),
        @JsonSubTypes.Type(value = ServerFrame.UserStatus.class, name = "user_status"),
        @JsonSubTypes.Type(value = ServerFrame.UserOffline.class, name = "user_offline"),
        @JsonSubTypes.Type(value = ServerFrame.Synced.class, name = "synced"),
        @JsonSubTypes.Type(value = ServerFrame.Pong.class, name = "pong"),
        @JsonSubTypes.Type(value = ServerFrame.Error.class, name = "error"),
})
public sealed interface ServerFrame {

    Instant timestamp();

    /** The first frame on every connection. */
    @RegisterForReflection
    record Connected(long userId, String username, Collection<Long> onlineUsers, Instant timestamp)
            implements ServerFrame {
    }

    /** A 1:1 message, to the recipient and (as confirmation) to the sender. */
    @RegisterForReflection
    record ChatMessage(long id, long chatId, long seq, long senderId, String senderUsername, String senderAvatar,
                       long recipientId, String content, String clientMsgId, Instant timestamp)
            implements ServerFrame {
    }

    /** A message of a group or room. {@code history} marks the backlog sent when a room connection opens. */
    @RegisterForReflection
    record NewMessage(long chatId, MessageBody message, Boolean history, Instant timestamp) implements ServerFrame {
    }

    /** The message inside {@link NewMessage}. */
    @RegisterForReflection
    record MessageBody(long id, long seq, String content, Long senderId, String senderUsername, String senderAvatar,
                       Instant createdAt, MessageType messageType, String clientMsgId, Boolean deleted) {
    }

    @RegisterForReflection
    record MessageUpdated(long chatId, long messageId, String content, Instant editedAt, Instant timestamp)
            implements ServerFrame {
    }

    @RegisterForReflection
    record MessageDeleted(long chatId, long messageId, Instant timestamp) implements ServerFrame {
    }

    /** Someone started or stopped typing; {@code chat_id} is absent for a 1:1 typing by recipient_id. */
    @RegisterForReflection
    record Typing(Long chatId, long userId, String username, @JsonProperty("is_typing") boolean isTyping,
                  Instant timestamp) implements ServerFrame {
    }

    /** {@code readerId} has read {@code messageId} and everything before it in {@code chatId}. */
    @RegisterForReflection
    record Read(long messageId, long chatId, long readerId, Instant timestamp) implements ServerFrame {
    }

    /** {@code userId} has read {@code chatId} up to {@code lastReadSeq}. */
    @RegisterForReflection
    record MessagesRead(long chatId, long userId, long lastReadSeq, Instant timestamp) implements ServerFrame {
    }

    /** A connection of {@code userId} has received {@code messageId} (and everything before it). */
    @RegisterForReflection
    record Delivered(long chatId, long messageId, long userId, Instant timestamp) implements ServerFrame {
    }

    @RegisterForReflection
    record UserJoined(long chatId, long userId, String username, Instant timestamp) implements ServerFrame {
    }

    @RegisterForReflection
    record UserLeft(long chatId, long userId, String username, Instant timestamp) implements ServerFrame {
    }

    @RegisterForReflection
    record UserStatus(long userId, String username, String status, Instant timestamp) implements ServerFrame {
    }

    @RegisterForReflection
    record UserOffline(long userId, Instant lastSeen, Instant timestamp) implements ServerFrame {
    }

    /**
     * The end of a chat's replay after {@code sync}: {@code recovered} is true when
     * everything missed was sent, false when the gap was too large (page history over REST).
     */
    @RegisterForReflection
    record Synced(long chatId, boolean recovered, long lastSeq, List<Receipts> receipts, Instant timestamp)
            implements ServerFrame {
    }

    /** How far another member of a direct chat or group has received and read. */
    @RegisterForReflection
    record Receipts(long userId, long lastDeliveredSeq, long lastReadSeq) {
    }

    @RegisterForReflection
    record Pong(Instant timestamp) implements ServerFrame {
    }

    /** {@code retry_after_ms} comes with {@code rate_limited}: when the next message will be accepted. */
    @RegisterForReflection
    record Error(ErrorCode code, String message, Long retryAfterMs, Instant timestamp) implements ServerFrame {
        public Error(ErrorCode code, String message, Instant timestamp) {
            this(code, message, null, timestamp);
        }
    }
}
