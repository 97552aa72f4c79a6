package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Frames a client sends, told apart by their {@code type}. The compact
 * constructors reject frames with missing fields, so a decoded frame is valid.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientFrame.SendMessage.class, name = "message"),
        @JsonSubTypes.Type(value = ClientFrame.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ClientFrame.Read.class, name = "read"),
        @JsonSubTypes.Type(value = ClientFrame.Ping.class, name = "ping"),
})
public sealed interface ClientFrame {

    /** {@code {"type":"message","recipient_id":123,"content":"Hello","client_msg_id":"c-1"}} */
    @RegisterForReflection
    record SendMessage(Long recipientId, String content, String clientMsgId) implements ClientFrame {
        public SendMessage {
            if (recipientId == null || content == null) {
                throw missing("Missing recipient_id or content");
            }
        }
    }

    /** {@code {"type":"typing","recipient_id":123,"is_typing":true}}; {@code is_typing} defaults to true. */
    @RegisterForReflection
    record Typing(Long recipientId, Boolean isTyping) implements ClientFrame {
        public Typing {
            if (recipientId == null) {
                throw missing("Missing recipient_id");
            }
            isTyping = isTyping == null || isTyping;
        }
    }

    /** {@code {"type":"read","message_id":456}}: this message and every earlier one are read. */
    @RegisterForReflection
    record Read(Long messageId) implements ClientFrame {
        public Read {
            if (messageId == null) {
                throw missing("Missing message_id");
            }
        }
    }

    /** {@code {"type":"ping"}} */
    @RegisterForReflection
    record Ping() implements ClientFrame {
    }

    private static ChatException missing(String message) {
        return new ChatException(ErrorCode.MISSING_FIELD, message);
    }
}
