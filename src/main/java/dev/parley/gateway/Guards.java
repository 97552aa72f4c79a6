package dev.parley.gateway;

import dev.parley.limits.FloodGuard;
import dev.parley.limits.LimitMetrics;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The protections an endpoint applies before a frame reaches the protocol, and how they close a connection. */
@ApplicationScoped
public class Guards {

    public static final CloseReason BINARY = new CloseReason(1003, "text frames only");
    public static final CloseReason TOO_BIG = new CloseReason(1009, "frame larger than 64 KiB");
    public static final CloseReason INTERNAL = new CloseReason(1011, "internal error");

    private final FloodGuard flood;
    private final LimitMetrics metrics;

    Guards(FloodGuard flood, LimitMetrics metrics) {
        this.flood = flood;
        this.metrics = metrics;
    }

    FloodGuard flood() {
        return flood;
    }

    Uni<Void> close(WebSocketConnection connection, CloseReason reason) {
        Log.infof("Closing connection %s: %d %s", connection.id(), reason.getCode(), reason.getMessage());
        metrics.closed(reason.getCode(), reason.getMessage());
        return connection.close(reason).onFailure().recoverWithNull();
    }
}
