package dev.parley.dialect.socketio;

import dev.parley.cluster.Session;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The Socket.IO socket of one Engine.IO session, on namespace {@code /}: no
 * Parley session until CONNECT was accepted, then one until DISCONNECT or the
 * end of the Engine.IO session, whichever comes first.
 */
final class SocketIoSocket implements EngineSession.Listener {

    private final EngineSession engine;
    private final SocketIoLink link;
    private final SocketIoServer server;
    private final String id = EngineSessions.randomId();
    private Session session;
    private boolean closed;

    SocketIoSocket(EngineSession engine, SocketIoLink link, SocketIoServer server) {
        this.engine = engine;
        this.link = link;
        this.server = server;
    }

    /** The socket id CONNECT answers with (not the Engine.IO sid, as the protocol asks). */
    String id() {
        return id;
    }

    SocketIoLink link() {
        return link;
    }

    synchronized Session session() {
        return session;
    }

    synchronized Session open(Session opened) {
        this.session = opened;
        return opened;
    }

    /** The Engine.IO session ended: a session opened after that (its CONNECT was in flight) must be left at once. */
    synchronized boolean isClosed() {
        return closed;
    }

    /** Leaves the namespace: the Parley session is released, the Engine.IO session stays. */
    synchronized Uni<Void> leave() {
        Session left = session;
        session = null;
        return left == null ? Uni.createFrom().voidItem() : server.release(left);
    }

    void abort() {
        engine.abort();
    }

    @Override
    public Uni<Void> message(String data) {
        return server.received(this, data);
    }

    @Override
    public void closed(String reason) {
        synchronized (this) {
            closed = true;
        }
        leave().subscribe().with(ok -> { }, failure -> Log.warnf("Releasing Socket.IO session %s failed: %s",
                engine.sid(), failure.getMessage()));
    }
}
