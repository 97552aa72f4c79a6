package dev.parley.cluster;

import dev.parley.metrics.LimitMetrics;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Closes connections so that they always end: a close frame, and when that has
 * not gone through within {@link #GRACE} (it waits behind whatever the peer does
 * not read, or the peer is gone), the TCP connection is aborted.
 */
@ApplicationScoped
public class Closer {

    public static final CloseReason SLOW = new CloseReason(1013, "too slow to keep up");
    /** How long a close frame may take before the TCP connection is aborted. */
    public static final Duration GRACE = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final LimitMetrics metrics;

    Closer(Vertx vertx, LimitMetrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
    }

    void close(Session session, CloseReason reason) {
        Log.infof("Closing connection %s: %d %s", session.id(), reason.getCode(), reason.getMessage());
        metrics.closed(reason.getCode(), reason.getMessage());
        vertx.setTimer(GRACE.toMillis(), id -> {
            if (session.abortPending()) {
                Log.infof("Connection %s did not close within %d s; aborting it", session.id(), GRACE.toSeconds());
                session.abort();
            }
        });
        session.link().close(reason).subscribe().with(ok -> session.closed(), failure -> session.abort());
    }
}
