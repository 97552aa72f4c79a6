package dev.parley.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/** A real WebSocket client of /ws/chat that records every frame it receives. */
public final class ChatClient implements AutoCloseable {

    public static final Duration TIMEOUT = FrameInbox.TIMEOUT;

    private final FrameInbox inbox = new FrameInbox();
    private final AtomicReference<CloseReason> closeReason = new AtomicReference<>();
    private final WebSocketClientConnection connection;
    private final JsonNode connected;

    private ChatClient(BasicWebSocketConnector connector) {
        // On the event loop, frames are recorded in the order they arrive; the default
        // (worker threads) may record two quick frames the other way round.
        this.connection = connector
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, text) -> inbox.add(text))
                .onClose((c, reason) -> closeReason.set(reason))
                .connectAndAwait();
        this.connected = await("connected");
    }

    /** Connects as a browser would, with the token in the query string, and waits for {@code connected}. */
    public static ChatClient connect(URI base, String token) {
        return new ChatClient(BasicWebSocketConnector.create().baseUri(base).path("/ws/chat?token=" + token));
    }

    /** Connects to another chat path ({@code /ws}, {@code /ws/rooms/general}) with a query token. */
    public static ChatClient connect(URI base, String path, String token) {
        return new ChatClient(BasicWebSocketConnector.create().baseUri(base).path(path + "?token=" + token));
    }

    /** Connects as a non-browser client would, with an {@code Authorization: Bearer} header. */
    public static ChatClient connectWithHeader(URI base, String token) {
        return new ChatClient(BasicWebSocketConnector.create().baseUri(base).path("/ws/chat")
                .addHeader("Authorization", "Bearer " + token));
    }

    public JsonNode connected() {
        return connected;
    }

    /** The first frame this connection received. */
    public JsonNode first() {
        return inbox.first();
    }

    public void send(String text) {
        connection.sendTextAndAwait(text);
    }

    public void sendBinary(byte[] data) {
        connection.sendBinaryAndAwait(io.vertx.core.buffer.Buffer.buffer(data));
    }

    public void send(Map<String, ?> frame) {
        send(FrameInbox.json(frame));
    }

    /** Waits for, removes and returns the first frame of {@code type}. */
    public JsonNode await(String type) {
        return inbox.await(FrameInbox.ofType(type));
    }

    public JsonNode await(String type, Predicate<JsonNode> match) {
        return inbox.await(FrameInbox.ofType(type).and(match));
    }

    public JsonNode await(Predicate<JsonNode> match) {
        return inbox.await(match);
    }

    /** Sends a ping and waits for its pong: every frame sent to us before the ping was handled by then. */
    public void roundTrip() {
        send("{\"type\":\"ping\"}");
        await("pong");
    }

    /** Frames of {@code type} received and not yet taken by an {@code await}. */
    public List<JsonNode> pending(String type) {
        return inbox.pending(type);
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
}
