package dev.parley.gateway;

import dev.parley.cluster.Node;
import dev.parley.cluster.Session;
import io.quarkus.websockets.next.CloseReason;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * A connection lives no longer than the token that opened it: when the token
 * expires the connection is closed with 4001 {@code token expired}, and the
 * client reconnects with a fresh token.
 */
@ApplicationScoped
public class TokenExpiry {

    public static final CloseReason EXPIRED = new CloseReason(4001, "token expired");

    private final Vertx vertx;
    private final Node node;

    TokenExpiry(Vertx vertx, Node node) {
        this.vertx = vertx;
        this.node = node;
    }

    void watch(Session session) {
        if (session.caller().expiresAt() == null) {
            return; // a guest of a seed 002/003 room: no token, nothing expires
        }
        long delay = Math.max(1, Duration.between(Instant.now(), session.caller().expiresAt()).toMillis());
        session.expiryTimer(vertx.setTimer(delay, id -> dev.parley.context.SafeContext.run(vertx,
                "Closing connection " + session.id(), () -> node.close(session, EXPIRED))));
    }

    void forget(Session session) {
        if (session.expiryTimer() >= 0) {
            vertx.cancelTimer(session.expiryTimer());
        }
    }
}
