package dev.parley.gateway;

import dev.parley.auth.CurrentCaller;
import dev.parley.protocol.FrameCodec;
import dev.parley.protocol.ServerFrame;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * The chat protocol of docs/protocol.md, shared by every chat path: decodes each
 * text frame and hands it to {@link FrameDispatcher}. The handshake needs a valid
 * access token (401 without one).
 */
public abstract class ChatEndpoint {

    protected final Sessions sessions;
    private final FrameDispatcher dispatcher;
    private final FrameCodec codec;
    private final CurrentCaller caller;
    private final Draining draining;

    protected ChatEndpoint(Sessions sessions, FrameDispatcher dispatcher, FrameCodec codec, CurrentCaller caller,
                           Draining draining) {
        this.draining = draining;
        this.sessions = sessions;
        this.dispatcher = dispatcher;
        this.codec = codec;
        this.caller = caller;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        return sessions.open(connection, caller.get())
                .chain(connected -> send(connection, connected))
                .chain(() -> opened(connection));
    }

    /**
     * Replies go back on this connection; events for anyone else go through the
     * broker. websockets-next handles a connection's next frame only once this
     * Uni completes, so frames are carried out, and answered, in the order sent.
     */
    @OnTextMessage
    public Uni<Void> receive(String text, WebSocketConnection connection) {
        return draining.track(dispatcher.dispatch(text, connection)
                .chain(reply -> reply == null ? Uni.createFrom().voidItem() : send(connection, reply)));
    }

    @OnClose
    public Uni<Void> close(WebSocketConnection connection) {
        return sessions.close(connection);
    }

    /** What a path does once {@code connected} was sent. */
    protected Uni<Void> opened(WebSocketConnection connection) {
        return Uni.createFrom().voidItem();
    }

    protected Uni<Void> send(WebSocketConnection connection, ServerFrame frame) {
        return connection.sendText(codec.encode(frame));
    }
}
