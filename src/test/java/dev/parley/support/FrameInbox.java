package dev.parley.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** The frames a test client received, in arrival order, taken out by what the test waits for. */
public final class FrameInbox {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedBlockingDeque<JsonNode> frames = new LinkedBlockingDeque<>();
    private volatile JsonNode first;

    public void add(String text) {
        try {
            JsonNode frame = JSON.readTree(text);
            if (first == null) {
                first = frame;
            }
            frames.add(frame);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The server sent a frame that is not JSON: " + text, e);
        }
    }

    /** Waits for, removes and returns the first frame that matches. */
    public JsonNode await(Predicate<JsonNode> match) {
        return await(match, TIMEOUT);
    }

    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(10)).until(() -> {
            for (JsonNode frame : frames) {
                if (match.test(frame)) {
                    frames.remove(frame);
                    found.set(frame);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /** The first frame that arrived, whether or not it was awaited since. */
    public JsonNode first() {
        return first;
    }

    public List<JsonNode> pending(String type) {
        return frames.stream().filter(ofType(type)).toList();
    }

    public static Predicate<JsonNode> ofType(String type) {
        return frame -> type.equals(frame.path("type").asText());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
