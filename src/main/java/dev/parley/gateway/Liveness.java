package dev.parley.gateway;

import dev.parley.cluster.Node;
import dev.parley.cluster.Session;
import dev.parley.context.SafeContext;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Finds dead peers. The server pings every connection
 * ({@code quarkus.websockets-next.server.auto-ping-interval}); a live peer answers
 * each ping, so one that has sent nothing, not even a pong, for nearly two
 * intervals is dead. A check every quarter interval closes it with 1001 and
 * releases it at once, within two intervals of the last thing it sent.
 */
@ApplicationScoped
public class Liveness {

    public static final CloseReason SILENT = new CloseReason(1001, "no answer to pings");

    private final OpenConnections connections;
    private final Node node;
    private final Vertx vertx;
    private final long tickMillis;
    private final long silenceMillis;

    Liveness(OpenConnections connections, Node node, Vertx vertx,
             @ConfigProperty(name = "quarkus.websockets-next.server.auto-ping-interval") Duration interval) {
        this.connections = connections;
        this.node = node;
        this.vertx = vertx;
        this.tickMillis = Math.max(1, interval.toMillis() / 4);
        this.silenceMillis = 2 * interval.toMillis() - tickMillis;
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(tickMillis, id -> closeSilent());
    }

    private void closeSilent() {
        long deadline = System.currentTimeMillis() - silenceMillis;
        for (WebSocketConnection connection : connections) {
            Session session = Session.of(connection);
            if (session != null && session.heardAt() < deadline && session.state() != Session.State.RELEASED) {
                SafeContext.run(vertx, "Closing a silent connection", () -> node.close(session, SILENT));
            }
        }
    }
}
