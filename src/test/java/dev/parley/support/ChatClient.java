package dev.parley.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/** A real WebSocket client of /ws/chat that records every frame it receives. */
public final class ChatClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedBlockingDeque<JsonNode> frames = new LinkedBlockingDeque<>();
    private final AtomicReference<CloseReason> closeReason = new AtomicReference<>();
    private final WebSocketClientConnection connection;
    private final JsonNode connected;

    private ChatClient(BasicWebSocketConnector connector) {
        this.connection = connector
                .onTextMessage((c, text) -> frames.add(parse(text)))
                .onClose((c, reason) -> closeReason.set(reason))
                .connectAndAwait();
        this.connected = await("connected");
    }

    /** Connects as a browser would, with the token in the query string, and waits for {@code connected}. */
    public static ChatClient connect(URI base, String token) {
        return new ChatClient(BasicWebSocketConnector.create().baseUri(base).path("/ws/chat?token=" + token));
    }

    /** Connects as a non-browser client would, with an {@code Authorization: Bearer} header. */
    public static ChatClient connectWithHeader(URI base, String token) {
        return new ChatClient(BasicWebSocketConnector.create().baseUri(base).path("/ws/chat")
                .addHeader("Authorization", "Bearer " + token));
    }

    public JsonNode connected() {
        return connected;
    }

    public void send(String text) {
        connection.sendTextAndAwait(text);
    }

    public void send(Map<String, ?> frame) {
        try {
            send(JSON.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Waits for, removes and returns the first frame of {@code type}. */
    public JsonNode await(String type) {
        return await(frame -> type.equals(frame.path("type").asText()));
    }

    public JsonNode await(String type, Predicate<JsonNode> match) {
        return await(frame -> type.equals(frame.path("type").asText()) && match.test(frame));
    }

    public JsonNode await(Predicate<JsonNode> match) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        Awaitility.await().atMost(TIMEOUT).until(() -> {
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

    /** Sends a ping and waits for its pong: every frame sent to us before the ping was handled by then. */
    public void roundTrip() {
        send("{\"type\":\"ping\"}");
        await("pong");
    }

    /** Frames received and not yet taken by an {@code await}. */
    public List<JsonNode> pending() {
        return List.copyOf(frames);
    }

    public List<JsonNode> pending(String type) {
        return frames.stream().filter(frame -> type.equals(frame.path("type").asText())).toList();
    }

    public CloseReason awaitClose() {
        Awaitility.await().atMost(TIMEOUT).until(() -> closeReason.get() != null);
        return closeReason.get();
    }

    public boolean isOpen() {
        return !connection.isClosed();
    }

    @Override
    public void close() {
        if (!connection.isClosed()) {
            connection.closeAndAwait();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The server sent a frame that is not JSON: " + text, e);
        }
    }
}
