package dev.parley.gateway;

import dev.parley.cluster.Node;
import dev.parley.cluster.Session;
import dev.parley.metrics.LimitMetrics;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** How an endpoint closes a connection for what its peer did: through the session when it has one. */
@ApplicationScoped
public class Guards {

    public static final CloseReason BINARY = new CloseReason(1003, "text frames only");
    public static final CloseReason TOO_BIG = new CloseReason(1009, "frame larger than 64 KiB");
    public static final CloseReason INTERNAL = new CloseReason(1011, "internal error");

    private final Node node;
    private final LimitMetrics metrics;

    Guards(Node node, LimitMetrics metrics) {
        this.node = node;
        this.metrics = metrics;
    }

    public Uni<Void> close(WebSocketConnection connection, CloseReason reason) {
        Session session = Session.of(connection);
        if (session != null) {
            return node.close(session, reason);
        }
        Log.infof("Closing connection %s: %d %s", connection.id(), reason.getCode(), reason.getMessage());
        metrics.closed(reason.getCode(), reason.getMessage());
        return connection.close(reason).onFailure().recoverWithNull();
    }

    /**
     * An endpoint's {@code @OnError}: Vert.x refuses a message over
     * {@code quarkus.websockets-next.server.max-message-size} with this exception,
     * and the client gets 1009 (message too big). Anything else is a bug: logged,
     * and the connection closed with 1011.
     */
    public Uni<Void> failed(IllegalStateException failure, WebSocketConnection connection) {
        if (failure.getMessage() != null && failure.getMessage().contains("max message size")) {
            return close(connection, TOO_BIG);
        }
        Log.errorf(failure, "Connection %s failed", connection.id());
        return close(connection, INTERNAL);
    }

    /** An endpoint's {@code @OnPongMessage}: the peer is alive ({@link Liveness}). */
    public Uni<Void> heard(WebSocketConnection connection) {
        Session session = Session.of(connection);
        if (session != null) {
            session.heard();
        }
        return Uni.createFrom().voidItem();
    }
}
