package dev.parley.guest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.chat.StoredMessage;
import dev.parley.error.ChatException;
import dev.parley.error.RateLimitedException;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.FrameCodec;
import dev.parley.protocol.ServerFrame;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Seed 002's frames, at a guest connection's edge: Parley's {@code new_message},
 * {@code user_joined} and {@code user_left} become the seed's flat frames; every
 * other frame (typing, receipts, edits, presence) has no seed shape and is not
 * written. Translating means reading the frame's JSON once per guest connection.
 */
@ApplicationScoped
public class GuestWire implements Dialect {

    /** The name a system message (no sender) shows under. */
    static final String SYSTEM = "system";

    private final ObjectMapper json;
    private final FrameCodec codec;

    GuestWire(ObjectMapper json, FrameCodec codec) {
        this.json = json;
        this.codec = codec;
    }

    @Override
    public String encode(ServerFrame frame) {
        return translate(codec.encode(frame));
    }

    @Override
    public String translate(String frame) {
        try {
            JsonNode node = json.readTree(frame);
            return switch (node.path("type").asText()) {
                case "new_message" -> message(node.path("message"));
                case SeedFrames.USER_JOINED, SeedFrames.USER_LEFT -> write(new SeedFrames.Notice(
                        node.path("username").asText(null), node.path("type").asText(), instant(node, "timestamp")));
                default -> null;
            };
        } catch (JsonProcessingException | RuntimeException e) {
            Log.warnf("A frame could not be translated for a guest: %s", e.getMessage());
            return null;
        }
    }

    /** A stored message (a room's backlog) as seed 002's {@code message}; null for a deleted one. */
    String message(StoredMessage stored) {
        return stored.message().isDeleted() ? null : write(seedMessage(stored));
    }

    static SeedFrames.Message seedMessage(StoredMessage stored) {
        return new SeedFrames.Message(stored.message().getId(),
                stored.senderUsername() == null ? SYSTEM : stored.senderUsername(),
                stored.message().getContent(), stored.message().getCreatedAt());
    }

    /** A refusal as the error frame guests get (the seed has none; its page ignores it). */
    String error(ChatException refusal) {
        Long retry = refusal instanceof RateLimitedException limited ? limited.retryAfterMillis() : null;
        return write(new SeedFrames.Error(SeedFrames.ERROR, refusal.code().wireName(), refusal.getMessage(), retry,
                Instant.now()));
    }

    private String message(JsonNode message) {
        if (message.path("deleted").asBoolean(false)) {
            return null;
        }
        return write(new SeedFrames.Message(message.path("id").asLong(),
                message.path("sender_username").asText(SYSTEM), message.path("content").asText(),
                instant(message, "created_at")));
    }

    private static Instant instant(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : Instant.now();
    }

    private String write(Object frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
