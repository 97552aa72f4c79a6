package dev.parley.bench;

import io.vertx.core.Context;
import io.vertx.core.http.WebSocket;

import java.util.function.Consumer;

/** One generator connection: its user, its Vert.x socket and context, and what it does with frames. */
final class BenchSocket {

    final long userId;
    final WebSocket socket;
    final Context context;
    private volatile Consumer<String> onFrame;

    BenchSocket(long userId, WebSocket socket, Context context, Consumer<String> onFrame) {
        this.userId = userId;
        this.socket = socket;
        this.context = context;
        this.onFrame = onFrame;
    }

    void onFrame(Consumer<String> handler) {
        this.onFrame = handler;
    }

    void received(String frame) {
        onFrame.accept(frame);
    }

    /** Writes a text frame; call it on {@link #context} (Vert.x would hop there otherwise). */
    void send(String frame) {
        socket.writeTextMessage(frame);
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
    }
}
