package dev.parley.gateway;

import dev.parley.auth.CurrentCaller;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.ServerFrame;
import dev.parley.cluster.Session;
import dev.parley.limits.FloodGuard;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

import java.util.List;
import java.util.Map;

/**
 * The chat protocol of docs/protocol.md, shared by every chat path: decodes each
 * text frame and hands it to {@link FrameDispatcher}; frames go out in the
 * path's {@link Dialect}. The handshake needs a valid access token (401 without
 * one), except on a path that is not {@code @Authenticated} ({@code /ws/auth}),
 * where a connection without one is closed with {@link #INVALID_TOKEN} on open.
 */
public abstract class ChatEndpoint {

    /** A connection upgraded without a valid token: missing, malformed, forged, expired or refused. */
    public static final CloseReason INVALID_TOKEN = new CloseReason(4001, "invalid token");

    private final Sessions sessions;
    private final FrameDispatcher dispatcher;
    private final Dialect dialect;
    private final CurrentCaller caller;
    private final Draining draining;
    private final Guards guards;

    protected ChatEndpoint(Sessions sessions, FrameDispatcher dispatcher, Dialect dialect, CurrentCaller caller,
                           Draining draining, Guards guards) {
        this.draining = draining;
        this.guards = guards;
        this.sessions = sessions;
        this.dispatcher = dispatcher;
        this.dialect = dialect;
        this.caller = caller;
    }

    /**
     * Everything a path does on open happens before {@code connected} goes out, and
     * only sends follow it: a client may act as soon as it has {@code connected}, and
     * must find the connection complete (a room joined, its default room set).
     */
    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        if (!caller.isPresent()) {
            // Only a path that upgrades without a valid token gets here (seed 003's /ws/auth).
            return guards.close(connection, INVALID_TOKEN);
        }
        return sessions.open(connection, caller.get(), dialect)
                .chain(connected -> prepare(connection).chain(after -> send(connection, connected)
                        .chain(() -> sendAll(connection, after.frames()))
                        .invoke(() -> sessions.live(connection, after.covered()))
                        .chain(() -> after.close() == null ? Uni.createFrom().voidItem() : guards.close(connection, after.close()))));
    }

    private Uni<Void> sendAll(WebSocketConnection connection, List<ServerFrame> frames) {
        return Multi.createFrom().iterable(frames)
                .onItem().transformToUniAndConcatenate(frame -> send(connection, frame))
                .collect().last().replaceWithVoid();
    }

    /**
     * Replies go back on this connection; events for anyone else go through the
     * broker. websockets-next handles a connection's next frame only once this
     * Uni completes, so frames are carried out, and answered, in the order sent.
     */
    @OnTextMessage
    public Uni<Void> receive(String text, WebSocketConnection connection) {
        Session session = Session.of(connection);
        if (connection.isClosed() || session.state().compareTo(Session.State.CLOSING) >= 0) {
            return Uni.createFrom().voidItem(); // frames still buffered when it was closed
        }
        session.heard();
        if (!session.admitFrame()) {
            return guards.close(connection, FloodGuard.FLOODING);
        }
        return draining.track(dispatcher.dispatch(text, session)
                .chain(reply -> reply == null ? Uni.createFrom().voidItem() : send(connection, reply)));
    }

    /** 1009 for a message over the size limit, else 1011 ({@link Guards#failed}). */
    @OnError
    public Uni<Void> failed(IllegalStateException failure, WebSocketConnection connection) {
        return guards.failed(failure, connection);
    }

    @OnPongMessage
    public Uni<Void> pong(Buffer data, WebSocketConnection connection) {
        return guards.heard(connection);
    }

    /** The protocol is JSON text; binary frames are refused with 1003 (unsupported data). */
    @OnBinaryMessage
    public Uni<Void> receiveBinary(Buffer data, WebSocketConnection connection) {
        return guards.close(connection, Guards.BINARY);
    }

    @OnClose
    public Uni<Void> close(WebSocketConnection connection) {
        return sessions.close(connection);
    }

    /**
     * The frames that follow {@code connected}, the last message seq they carry per
     * chat (live copies of those are not sent again), and a close code when the
     * connection cannot stay.
     */
    protected record Opened(List<ServerFrame> frames, Map<Long, Long> covered, CloseReason close) {
        static final Opened READY = new Opened(List.of(), Map.of(), null);
    }

    /** What a path does on open, before {@code connected}; returns what follows it. */
    protected Uni<Opened> prepare(WebSocketConnection connection) {
        return Uni.createFrom().item(Opened.READY);
    }

    protected Uni<Void> send(WebSocketConnection connection, ServerFrame frame) {
        return connection.sendText(dialect.encode(frame));
    }
}
