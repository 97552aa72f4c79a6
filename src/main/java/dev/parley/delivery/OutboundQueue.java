package dev.parley.delivery;

import dev.parley.limits.LimitMetrics;
import dev.parley.limits.LimitsConfig;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds what a connection that does not read can make the replica hold: frames
 * handed to the socket but not yet written are counted; beyond half of
 * {@code parley.limits.outbound-queue} droppable frames (typing, presence) are
 * dropped, and at the full count the connection is closed with 1013 (try again
 * later). The client reconnects and recovers with {@code sync}.
 */
@ApplicationScoped
public class OutboundQueue {

    public static final CloseReason SLOW = new CloseReason(1013, "too slow to keep up");
    private static final TypedKey<AtomicInteger> PENDING = new TypedKey<>("parley.pending-writes");

    private final int capacity;
    private final LimitMetrics metrics;

    OutboundQueue(LimitsConfig config, LimitMetrics metrics) {
        this.capacity = config.outboundQueue();
        this.metrics = metrics;
    }

    /** Whether to write a frame now; counts it as pending when so. */
    boolean admit(WebSocketConnection connection, boolean droppable) {
        AtomicInteger pending = pending(connection);
        int waiting = pending.get();
        if (waiting >= capacity) {
            if (!connection.isClosed()) {
                Log.infof("Closing connection %s: %d frames not written", connection.id(), waiting);
                metrics.closed(SLOW.getCode(), SLOW.getMessage());
                connection.close(SLOW).subscribe().with(ok -> { }, failure -> { });
            }
            return false;
        }
        if (droppable && waiting >= capacity / 2) {
            metrics.dropped();
            return false;
        }
        pending.incrementAndGet();
        return true;
    }

    void written(WebSocketConnection connection) {
        pending(connection).decrementAndGet();
    }

    private static AtomicInteger pending(WebSocketConnection connection) {
        AtomicInteger pending = connection.userData().get(PENDING);
        if (pending == null) {
            pending = new AtomicInteger();
            connection.userData().put(PENDING, pending);
        }
        return pending;
    }
}
