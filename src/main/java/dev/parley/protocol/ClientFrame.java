package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;
import java.util.Set;

/**
 * Frames a client sends, told apart by their {@code type}. The compact
 * constructors reject frames with missing fields; which conversation a frame
 * targets (a {@code recipient_id}, a {@code chat_id}, or the room of a room
 * connection) is resolved by the gateway.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientFrame.SendMessage.class, name = "message"),
        @JsonSubTypes.Type(value = ClientFrame.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ClientFrame.Read.class, name = "read"),
        @JsonSubTypes.Type(value = ClientFrame.ReadMessages.class, name = "read_messages"),
        @JsonSubTypes.Type(value = ClientFrame.JoinChat.class, name = "join_chat"),
        @JsonSubTypes.Type(value = ClientFrame.LeaveChat.class, name = "leave_chat"),
        @JsonSubTypes.Type(value = ClientFrame.Status.class, name = "status"),
        @JsonSubTypes.Type(value = ClientFrame.Sync.class, name = "sync"),
        @JsonSubTypes.Type(value = ClientFrame.Ping.class, name = "ping"),
})
public sealed interface ClientFrame {

    /** A frame aimed at a user ({@code recipient_id}) or a conversation ({@code chat_id}). */
    sealed interface Targeted extends ClientFrame {
        Long recipientId();

        Long chatId();
    }

    /** {@code {"type":"message","recipient_id":123,"content":"Hello","client_msg_id":"c-1"}}, or {@code chat_id}. */
    @RegisterForReflection
    record SendMessage(Long recipientId, Long chatId, String content, String clientMsgId) implements Targeted {
        public SendMessage {
            if (content == null) {
                throw missing("Missing recipient_id or content");
            }
            requireOneTarget(recipientId, chatId);
        }
    }

    /** {@code {"type":"typing","recipient_id":123,"is_typing":true}} or {@code chat_id}; {@code is_typing} defaults to true. */
    @RegisterForReflection
    record Typing(Long recipientId, Long chatId, Boolean isTyping) implements Targeted {
        public Typing {
            requireOneTarget(recipientId, chatId);
            isTyping = isTyping == null || isTyping;
        }
    }

    /** {@code {"type":"read","message_id":456}}: this message and every earlier one are read. */
    @RegisterForReflection
    record Read(Long messageId) implements ClientFrame {
        public Read {
            require(messageId, "message_id");
        }
    }

    /** {@code {"type":"read_messages","chat_id":123}}: everything in the chat is read. */
    @RegisterForReflection
    record ReadMessages(Long chatId) implements ClientFrame {
        public ReadMessages {
            require(chatId, "chat_id");
        }
    }

    /** {@code {"type":"join_chat","chat_id":123}}: receive the chat's live events here; joins a room. */
    @RegisterForReflection
    record JoinChat(Long chatId) implements ClientFrame {
        public JoinChat {
            require(chatId, "chat_id");
        }
    }

    /** {@code {"type":"leave_chat","chat_id":123}}: stop them here; leaves a room. */
    @RegisterForReflection
    record LeaveChat(Long chatId) implements ClientFrame {
        public LeaveChat {
            require(chatId, "chat_id");
        }
    }

    /** {@code {"type":"status","status":"away"}}: online, away, busy or offline (seed 001's "appear offline"). */
    @RegisterForReflection
    record Status(String status) implements ClientFrame {
        public static final Set<String> VALUES = Set.of("online", "away", "busy", "offline");

        public Status {
            require(status, "status");
            if (!VALUES.contains(status)) {
                throw new ChatException(ErrorCode.INVALID_FIELD, "status is one of online, away, busy, offline");
            }
        }
    }

    /**
     * {@code {"type":"sync","chats":{"123":41}}}: after a reconnect, the last seq
     * seen per chat; answered with what was missed, then {@code synced} per chat.
     */
    @RegisterForReflection
    record Sync(Map<Long, Long> chats) implements ClientFrame {
        public static final int MAX_CHATS = 500;

        public Sync {
            require(chats, "chats");
            if (chats.size() > MAX_CHATS || chats.values().stream().anyMatch(seq -> seq == null || seq < 0)) {
                throw new ChatException(ErrorCode.INVALID_FIELD,
                        "chats maps at most " + MAX_CHATS + " chat ids to the last seq seen (0 or more)");
            }
        }
    }

    /** {@code {"type":"ping"}} */
    @RegisterForReflection
    record Ping() implements ClientFrame {
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw missing("Missing " + field);
        }
    }

    /** Both ids at once is ambiguous; neither is allowed where a connection has a default room. */
    private static void requireOneTarget(Long recipientId, Long chatId) {
        if (recipientId != null && chatId != null) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "Give recipient_id or chat_id, not both");
        }
    }

    private static ChatException missing(String message) {
        return new ChatException(ErrorCode.MISSING_FIELD, message);
    }
}
