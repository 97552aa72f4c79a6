package dev.parley.dialect.seed001;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 001's client frames, text for text, and checks that a server frame has every field the seed names. */
final class Seed001Frames {

    private Seed001Frames() {
    }

    static String ping() {
        return "{\"type\": \"ping\"}";
    }

    static String joinChat(long chatId) {
        return "{\"type\": \"join_chat\", \"chat_id\": " + chatId + "}";
    }

    static String leaveChat(long chatId) {
        return "{\"type\": \"leave_chat\", \"chat_id\": " + chatId + "}";
    }

    static String typing(long chatId, boolean typing) {
        return "{\"type\": \"typing\", \"chat_id\": " + chatId + ", \"is_typing\": " + typing + "}";
    }

    static String status(String status) {
        return "{\"type\": \"status\", \"status\": \"" + status + "\"}";
    }

    static String readMessages(long chatId) {
        return "{\"type\": \"read_messages\", \"chat_id\": " + chatId + "}";
    }

    /** The seed's {@code new_message}: chat_id, timestamp and message{id, content, sender_id, created_at, message_type}. */
    static JsonNode assertNewMessage(JsonNode frame, long chatId, String content, long senderId, String type) {
        assertEquals("new_message", frame.get("type").asText());
        assertEquals(chatId, frame.get("chat_id").asLong());
        assertTimestamp(frame, "timestamp");
        JsonNode message = frame.get("message");
        assertTrue(message.get("id").isIntegralNumber(), "message.id");
        assertEquals(content, message.get("content").asText());
        assertEquals(senderId, message.get("sender_id").asLong());
        assertTimestamp(message, "created_at");
        assertEquals(type, message.get("message_type").asText());
        return message;
    }

    static void assertFields(JsonNode frame, String... fields) {
        for (String field : fields) {
            assertTrue(frame.hasNonNull(field), frame.get("type") + " carries " + field + ": " + frame);
        }
        assertTimestamp(frame, "timestamp");
    }

    static void assertTimestamp(JsonNode node, String field) {
        assertTrue(node.hasNonNull(field), field + " in " + node);
        Instant.parse(node.get(field).asText());
    }
}
