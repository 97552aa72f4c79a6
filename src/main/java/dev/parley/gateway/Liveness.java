package dev.parley.gateway;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Finds dead peers. The server pings every connection
 * ({@code quarkus.websockets-next.server.auto-ping-interval}); a connection that
 * has sent nothing, not even a pong, for two intervals is closed with 1001 and its
 * session released at once (a dead peer never completes the close handshake), so
 * its user goes offline here without waiting.
 */
@ApplicationScoped
public class Liveness {

    public static final CloseReason SILENT = new CloseReason(1001, "no answer to pings");
    private static final TypedKey<Long> HEARD = TypedKey.forLong("parley.heard-at");

    private final OpenConnections connections;
    private final Guards guards;
    private final Sessions sessions;
    private final Vertx vertx;
    private final Duration interval;

    Liveness(OpenConnections connections, Guards guards, Sessions sessions, Vertx vertx,
             @ConfigProperty(name = "quarkus.websockets-next.server.auto-ping-interval") Duration interval) {
        this.connections = connections;
        this.guards = guards;
        this.sessions = sessions;
        this.vertx = vertx;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(interval.toMillis(), id -> closeSilent());
    }

    /** Anything the peer sent (a frame or a pong) shows it is alive. */
    static void heard(WebSocketConnection connection) {
        connection.userData().put(HEARD, System.currentTimeMillis());
    }

    private void closeSilent() {
        long deadline = System.currentTimeMillis() - 2 * interval.toMillis();
        for (WebSocketConnection connection : connections) {
            Long heard = connection.userData().get(HEARD);
            if (heard != null && heard < deadline && !connection.isClosed()) {
                SafeContext.run(vertx, "Closing a silent connection",
                        () -> guards.close(connection, SILENT).chain(() -> sessions.close(connection)));
            }
        }
    }
}
