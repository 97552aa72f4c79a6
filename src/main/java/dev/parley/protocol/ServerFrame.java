package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.parley.error.ErrorCode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.Collection;

/** Frames the server sends, each stamped with an ISO-8601 UTC {@code timestamp}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerFrame.Connected.class, name = "connected"),
        @JsonSubTypes.Type(value = ServerFrame.ChatMessage.class, name = "message"),
        @JsonSubTypes.Type(value = ServerFrame.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ServerFrame.Read.class, name = "read"),
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

    /** Someone started or stopped typing to you. Never stored. */
    @RegisterForReflection
    record Typing(long userId, String username, @JsonProperty("is_typing") boolean isTyping, Instant timestamp)
            implements ServerFrame {
    }

    /** {@code readerId} has read {@code messageId} and everything before it in {@code chatId}. */
    @RegisterForReflection
    record Read(long messageId, long chatId, long readerId, Instant timestamp) implements ServerFrame {
    }

    @RegisterForReflection
    record Pong(Instant timestamp) implements ServerFrame {
    }

    @RegisterForReflection
    record Error(ErrorCode code, String message, Instant timestamp) implements ServerFrame {
    }
}
