package dev.parley.guest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a guest sends: seed 002's {@code {"type":"message","content":"..."}}, and on
 * seed 003's path also a plain text frame, which is the message itself (seed 003's
 * clients send plain text). As in seed 002, frames of another type and blank
 * content are ignored.
 */
@ApplicationScoped
class SeedRequests {

    private final ObjectMapper json;

    SeedRequests(ObjectMapper json) {
        this.json = json;
    }

    /** The message content the frame carries, or null when it asks for nothing. */
    String content(String text, boolean plainText) {
        String frame = text.strip();
        if (!frame.startsWith("{")) {
            if (plainText) {
                return frame.isEmpty() ? null : frame;
            }
            throw new ChatException(ErrorCode.INVALID_JSON, "A frame is {\"type\":\"message\",\"content\":\"...\"}");
        }
        JsonNode node;
        try {
            node = json.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new ChatException(ErrorCode.INVALID_JSON, "Frame is not valid JSON");
        }
        if (!SeedFrames.MESSAGE.equals(node.path("type").asText())) {
            return null;
        }
        JsonNode content = node.path("content");
        if (content.isMissingNode() || content.isNull()) {
            return null;
        }
        if (!content.isTextual()) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "Field 'content' is a string");
        }
        String stripped = content.asText().strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
