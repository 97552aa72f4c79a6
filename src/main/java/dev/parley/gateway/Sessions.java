package dev.parley.gateway;

import dev.parley.auth.Caller;
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
    private final TokenExpiry expiry;
    private final FloodGuard flood;
    private final Upgrades upgrades;

    Sessions(Node node, VisiblePresence visiblePresence, TokenExpiry expiry, FloodGuard flood,
             Upgrades upgrades) {
        this.node = node;
        this.visiblePresence = visiblePresence;
        this.expiry = expiry;
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
        expiry.watch(session);
        // The handshake recorded the caller's profile (DeletedUserCheck).
        return node.open(session)
                .chain(() -> visiblePresence.forConnected(caller.id()))
                .map(online -> {
                    Log.infof("User %d connected via WebSocket (connection %s)", caller.id(), connection.id());
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
            node.live(session, covered);
        }
    }

    /** Releases what the connection held; runs once, however the connection ended. */
    public Uni<Void> close(WebSocketConnection connection) {
        Session session = Session.of(connection);
        if (session == null) {
            return Uni.createFrom().voidItem();
        }
        expiry.forget(session);
        return node.release(session);
    }
}
