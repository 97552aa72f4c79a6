package dev.parley.gateway;

import dev.parley.cluster.Node;
import dev.parley.cluster.Session;
import dev.parley.context.SafeContext;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;

/**
 * A connection lives no longer than the token that opened it: when the token
 * expires the connection is closed with 4001 {@code token expired}, and the
 * client reconnects with a fresh token. One sweep a second over this replica's
 * sessions finds them, instead of a timer per connection: an idle connection
 * then holds nothing for its expiry but the time in its {@code Caller}.
 */
@ApplicationScoped
public class TokenExpiry {

    public static final CloseReason EXPIRED = new CloseReason(4001, "token expired");
    /** A connection outlives its token by at most this. */
    static final long SWEEP_MILLIS = 1000;

    private final Vertx vertx;
    private final Node node;

    TokenExpiry(Vertx vertx, Node node) {
        this.vertx = vertx;
        this.node = node;
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(SWEEP_MILLIS, id -> closeExpired(Instant.now()));
    }

    private void closeExpired(Instant now) {
        for (long userId : node.localUsers()) {
            for (Session session : node.sessionsOf(userId)) {
                // Guests of seed 002/003 rooms have no token: nothing expires.
                Instant expiresAt = session.caller().expiresAt();
                if (expiresAt != null && !expiresAt.isAfter(now) && session.state() != Session.State.RELEASED) {
                    SafeContext.run(vertx, "Closing connection " + session.id(), () -> node.close(session, EXPIRED));
                }
            }
        }
    }
}
