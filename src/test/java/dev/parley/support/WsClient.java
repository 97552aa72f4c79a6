package dev.parley.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

/** A plain JDK WebSocket client for tests of the packaged service (no Quarkus in the test JVM). */
public final class WsClient implements AutoCloseable {

    private final FrameInbox inbox = new FrameInbox();
    private final AtomicInteger closeCode = new AtomicInteger(-1);
    private final WebSocket socket;

    private final boolean reading;
    private JsonNode connected;

    private WsClient(URI uri, boolean reading) {
        this.reading = reading;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new Listener())
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    /** Connects and waits for the {@code connected} frame. */
    public static WsClient connect(URI uri) {
        WsClient client = new WsClient(uri, true);
        client.connected = client.await("connected");
        return client;
    }

    /** The {@code connected} frame this connection opened with. */
    public JsonNode connected() {
        return connected;
    }

    /** A client that reads its {@code connected} frame and then nothing more: a consumer that stalled. */
    public static WsClient connectAndStall(URI uri) {
        WsClient client = new WsClient(uri, false);
        client.await("connected");
        return client;
    }

    public void send(Map<String, ?> frame) {
        send(FrameInbox.json(frame));
    }

    public JsonNode await(java.util.function.Predicate<JsonNode> match) {
        return inbox.await(match);
    }

    public JsonNode await(String type) {
        return inbox.await(FrameInbox.ofType(type));
    }

    public JsonNode await(String type, java.util.function.Predicate<JsonNode> match) {
        return inbox.await(FrameInbox.ofType(type).and(match));
    }

    public JsonNode await(String type, java.util.function.Predicate<JsonNode> match, java.time.Duration timeout) {
        return inbox.await(FrameInbox.ofType(type).and(match), timeout);
    }

    public java.util.List<JsonNode> pending(String type) {
        return inbox.pending(type);
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Every frame sent to this connection before the ping has arrived once the pong is here. */
    public void roundTrip() {
        send("{\"type\":\"ping\"}");
        await("pong");
    }

    public int awaitCloseCode() {
        Awaitility.await().atMost(FrameInbox.TIMEOUT).until(() -> closeCode.get() >= 0);
        return closeCode.get();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(partial.toString());
                partial.setLength(0);
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.set(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.compareAndSet(-1, 1006);
        }
    }
}
