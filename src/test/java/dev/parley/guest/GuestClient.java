package dev.parley.guest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.FrameInbox;
import org.awaitility.Awaitility;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A raw WebSocket client as seed 002's and 003's clients are: no token, the room
 * and name in the path, frames sent exactly as the seeds write them, and the
 * server's frames kept in arrival order (there is no {@code connected} frame).
 */
final class GuestClient implements AutoCloseable {

    private final FrameInbox inbox = new FrameInbox();
    private final AtomicInteger closeCode = new AtomicInteger(-1);
    private final AtomicReference<String> closeReason = new AtomicReference<>();
    private final WebSocket socket;

    private GuestClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new Listener())
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    /** Opens {@code path} (e.g. {@code /ws/general/john}) on the server at {@code base}. */
    static GuestClient open(URI base, String path) {
        return new GuestClient(ws(base, path));
    }

    /** The HTTP status a handshake to {@code path} was refused with (fails when it was accepted). */
    static int refusedStatus(URI base, String path) {
        try {
            new GuestClient(ws(base, path)).close();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("The handshake to " + path + " was accepted");
    }

    private static URI ws(URI base, String path) {
        return URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + path);
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Waits for, removes and returns the next frame whose {@code message_type} is {@code type}. */
    JsonNode await(String type) {
        return inbox.await(frame -> type.equals(frame.path("message_type").asText()));
    }

    JsonNode await(String type, String username) {
        return inbox.await(frame -> type.equals(frame.path("message_type").asText())
                && username.equals(frame.path("username").asText()));
    }

    /** Waits for the message that carries {@code content}. */
    JsonNode awaitContent(String content) {
        return inbox.await(frame -> "message".equals(frame.path("message_type").asText())
                && content.equals(frame.path("content").asText()));
    }

    /** The first frame this connection received. */
    JsonNode first() {
        Awaitility.await().atMost(FrameInbox.TIMEOUT).until(() -> inbox.first() != null);
        return inbox.first();
    }

    /** Frames with a Parley {@code type} field, which a guest should never get. */
    java.util.List<JsonNode> parleyFrames(String type) {
        return inbox.pending(type);
    }

    int awaitCloseCode() {
        Awaitility.await().atMost(FrameInbox.TIMEOUT).until(() -> closeCode.get() >= 0);
        return closeCode.get();
    }

    String closeReason() {
        return closeReason.get();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(failure -> null).join();
        }
        Awaitility.await().atMost(FrameInbox.TIMEOUT).until(() -> closeCode.get() >= 0 || socket.isInputClosed());
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
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason.set(reason);
            closeCode.set(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.compareAndSet(-1, 1006);
        }
    }
}
