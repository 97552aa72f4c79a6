package dev.parley.dialect.socketio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.ServerFrame;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Parley's server frames as seed 004's events, camelCase (docs/protocol.md,
 * "Seed 004: Socket.IO"). Frames a Socket.IO client has no use for
 * ({@code connected}, which becomes CONNECT and {@code online_users};
 * {@code synced}; {@code pong}) have no event.
 */
@ApplicationScoped
public class OutboundEvents {

    /** An event to emit: its name and its one argument. */
    record Emit(String name, ObjectNode payload) {
    }

    private final SocketPacketCodec codec;

    OutboundEvents(SocketPacketCodec codec) {
        this.codec = codec;
    }

    Optional<Emit> translate(ServerFrame frame) {
        return Optional.ofNullable(switch (frame) {
            case ServerFrame.ChatMessage m -> new Emit("receive_message", message(m.id(), m.chatId(), m.seq(),
                    m.content(), "text", m.senderId(), m.senderUsername(), m.senderAvatar(), m.timestamp().toString(),
                    m.clientMsgId()).put("recipientId", m.recipientId()));
            case ServerFrame.NewMessage m -> new Emit("receive_message", message(m.message().id(), m.chatId(),
                    m.message().seq(), m.message().content(),
                    m.message().messageType() == null ? "text" : m.message().messageType().name().toLowerCase(),
                    m.message().senderId(), m.message().senderUsername(), m.message().senderAvatar(),
                    m.message().createdAt() == null ? null : m.message().createdAt().toString(),
                    m.message().clientMsgId()));
            case ServerFrame.MessageUpdated m -> new Emit("message_updated", codec.object().put("chatId", m.chatId())
                    .put("messageId", m.messageId()).put("content", m.content()).put("editedAt", m.editedAt().toString()));
            case ServerFrame.MessageDeleted m -> new Emit("message_deleted", codec.object().put("chatId", m.chatId())
                    .put("messageId", m.messageId()));
            case ServerFrame.Typing t -> new Emit(t.isTyping() ? "typing" : "stop_typing", withChat(t.chatId())
                    .put("userId", t.userId()).put("username", t.username()));
            case ServerFrame.Read r -> new Emit("messages_read", codec.object().put("chatId", r.chatId())
                    .put("userId", r.readerId()).put("messageId", r.messageId()));
            case ServerFrame.MessagesRead r -> new Emit("messages_read", codec.object().put("chatId", r.chatId())
                    .put("userId", r.userId()).put("lastReadSeq", r.lastReadSeq()));
            case ServerFrame.Delivered d -> {
                ObjectNode payload = codec.object().put("messageId", d.messageId()).put("chatId", d.chatId());
                payload.putArray("deliveredTo").add(d.userId());
                yield new Emit("message_delivered", payload);
            }
            case ServerFrame.UserStatus s -> new Emit("user_online", codec.object().put("userId", s.userId())
                    .put("username", s.username()).put("status", s.status()));
            case ServerFrame.UserOffline o -> new Emit("user_offline", codec.object().put("userId", o.userId())
                    .put("lastSeen", o.lastSeen().toString()));
            case ServerFrame.UserJoined j -> new Emit("user_joined", codec.object().put("chatId", j.chatId())
                    .put("userId", j.userId()).put("username", j.username()));
            case ServerFrame.UserLeft l -> new Emit("user_left", codec.object().put("chatId", l.chatId())
                    .put("userId", l.userId()).put("username", l.username()));
            case ServerFrame.Error e -> new Emit("error", error(e));
            case ServerFrame.Connected ignored -> null;
            case ServerFrame.Synced ignored -> null;
            case ServerFrame.Pong ignored -> null;
        });
    }

    /** {@code {code, message, retryAfterMs?}}: the seed's {@code error} event, with Parley's code. */
    ObjectNode error(ServerFrame.Error error) {
        ObjectNode payload = codec.object().put("code", error.code().wireName()).put("message", error.message());
        if (error.retryAfterMs() != null) {
            payload.put("retryAfterMs", error.retryAfterMs());
        }
        return payload;
    }

    private ObjectNode message(long id, long chatId, long seq, String content, String messageType, Long senderId,
                               String username, String avatar, String createdAt, String clientMsgId) {
        ObjectNode message = codec.object().put("id", id).put("chatId", chatId).put("seq", seq)
                .put("content", content).put("messageType", messageType);
        if (senderId != null) {
            message.putObject("sender").put("id", senderId).put("username", username).put("avatar", avatar);
        }
        message.put("createdAt", createdAt);
        if (clientMsgId != null) {
            message.put("clientMsgId", clientMsgId);
        }
        return message;
    }

    private ObjectNode withChat(Long chatId) {
        ObjectNode payload = codec.object();
        return chatId == null ? payload : payload.put("chatId", chatId);
    }
}
