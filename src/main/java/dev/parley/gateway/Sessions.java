package dev.parley.gateway;

import dev.parley.auth.Caller;
import dev.parley.cluster.Link;
import dev.parley.cluster.Node;
import dev.parley.policy.VisiblePresence;
import dev.parley.cluster.Session;
import dev.parley.limits.FloodGuard;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.ServerFrame;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.Map;

/**
 * A chat connection's life, as the endpoints see it: opened (routed, frames for
 * it held), live once {@code connected} and what follows it went out, released
 * when it closes, whichever way.
 */
@ApplicationScoped
public class Sessions {

    private final Node node;
    private final VisiblePresence visiblePresence;
    private final FloodGuard flood;
    private final Upgrades upgrades;

    Sessions(Node node, VisiblePresence visiblePresence, FloodGuard flood,
             Upgrades upgrades) {
        this.node = node;
        this.visiblePresence = visiblePresence;
        this.flood = flood;
        this.upgrades = upgrades;
    }

    /**
     * Creates the session, routes the caller's events here and answers with the
     * {@code connected} frame once that is in place, so nothing sent to them after
     * that frame can miss this connection. Its live frames wait for {@link #live},
     * and reach it in {@code dialect}.
     */
    public Uni<ServerFrame> open(WebSocketConnection connection, Caller caller, Dialect dialect) {
        // The connection's callbacks run on its own Vert.x context, which carries the MDC.
        MDC.put("userId", caller.id());
        MDC.put("connectionId", connection.id());
        Session session = Session.open(connection, caller, flood.newBucket()::take, dialect);
        session.abortWith(upgrades.abortHandle(connection));
        return start(session, "WebSocket").map(ServerFrame.class::cast);
    }

    /**
     * A dialect with its own transports (Socket.IO) opens its session in two
     * steps: this creates it (frames go through {@code link}, {@code abort} drops
     * the transport at once), {@link #start} routes it and answers with
     * {@code connected}. The dialect keeps the session and hands it to
     * {@link #live} and {@link #close}, the latter also when {@code start} failed.
     * Its frames are written in {@code dialect}'s shapes on {@code link}.
     */
    public Session create(Link link, Dialect dialect, Caller caller, Runnable abort) {
        Session session = Session.open(link, caller, flood.newBucket()::take, dialect);
        session.abortWith(abort);
        return session;
    }

    /** Routes the session's events here; answers with {@code connected} once nothing sent to its user can miss it. */
    public Uni<ServerFrame.Connected> start(Session session, String via) {
        Caller caller = session.caller();
        // The handshake recorded the caller's profile (DeletedUserCheck, or the dialect's own check).
        return node.open(session)
                .chain(() -> visiblePresence.forConnected(caller.id()))
                .map(online -> {
                    Log.infof("User %d connected via %s (connection %s)", caller.id(), via, session.id());
                    return new ServerFrame.Connected(caller.id(), caller.username(), online, Instant.now());
                });
    }

    /**
     * {@code connected} and the frames after it went out: live frames held
     * meanwhile follow, except new messages those frames already contained
     * ({@code covered}: chat id to the last seq sent).
     */
    public void live(WebSocketConnection connection, Map<Long, Long> covered) {
        Session session = Session.of(connection);
        if (session != null) {
            live(session, covered);
        }
    }

    /** As above, for a session a dialect keeps. */
    public void live(Session session, Map<Long, Long> covered) {
        node.live(session, covered);
    }

    /** Releases what the connection held; runs once, however the connection ended. */
    public Uni<Void> close(WebSocketConnection connection) {
        Session session = Session.of(connection);
        return session == null ? Uni.createFrom().voidItem() : close(session);
    }

    /** As above, for a session a dialect keeps; runs once. */
    public Uni<Void> close(Session session) {
        return node.release(session);
    }
}
