package dev.parley.dialect.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.protocol.ClientFrame;

/**
 * Seed 004's events to Parley's client frames, field by field (docs/protocol.md,
 * "Seed 004: Socket.IO"). Ids are numbers, or strings of digits as a browser
 * form may send them. The records validate the rest, as for {@code /ws/chat}.
 */
final class InboundEvents {

    private InboundEvents() {
    }

    static ClientFrame decode(String event, JsonNode data) {
        JsonNode payload = data == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : data;
        return switch (event) {
            case "send_message" -> {
                String type = text(payload, "messageType");
                if (type != null && !type.equals("text")) {
                    throw new ChatException(ErrorCode.INVALID_FIELD, "messageType is text: clients send only text messages");
                }
                yield new ClientFrame.SendMessage(id(payload, "recipientId"), id(payload, "chatId"),
                        text(payload, "content"), text(payload, "clientMsgId"));
            }
            case "typing" -> new ClientFrame.Typing(id(payload, "recipientId"), requireChat(payload), true);
            case "stop_typing" -> new ClientFrame.Typing(id(payload, "recipientId"), requireChat(payload), false);
            case "mark_chat_read" -> new ClientFrame.ReadMessages(id(payload, "chatId"));
            case "join_chat" -> new ClientFrame.JoinChat(id(payload, "chatId"));
            case "leave_chat" -> new ClientFrame.LeaveChat(id(payload, "chatId"));
            default -> throw new ChatException(ErrorCode.UNKNOWN_TYPE, "Unknown event: "
                    + (event.length() <= 40 ? event : event.substring(0, 40) + "..."));
        };
    }

    /** A Socket.IO connection has no default room: typing names its chat (or recipient). */
    private static Long requireChat(JsonNode payload) {
        Long chatId = id(payload, "chatId");
        if (chatId == null && id(payload, "recipientId") == null) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Missing chatId");
        }
        return chatId;
    }

    private static Long id(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual() && value.asText().matches("[0-9]{1,18}")) {
            return Long.valueOf(value.asText());
        }
        throw new ChatException(ErrorCode.INVALID_FIELD, field + " is a numeric id");
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ChatException(ErrorCode.INVALID_FIELD, field + " is a string");
        }
        return value.asText();
    }
}
