package dev.parley.gateway;

import dev.parley.delivery.LocalSessions;
import dev.parley.limits.LimitsConfig;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;

/**
 * At most {@code parley.limits.connections-per-user} connections per user on a
 * replica: a new one beyond that closes the user's oldest with 4002, so a
 * forgotten tab cannot pin resources and a script cannot open thousands.
 */
@ApplicationScoped
public class ConnectionCap {

    public static final CloseReason TOO_MANY = new CloseReason(4002, "too many connections");
    private static final TypedKey<Long> OPENED = TypedKey.forLong("parley.opened-at");

    private final LocalSessions sessions;
    private final LimitsConfig config;
    private final Guards guards;

    ConnectionCap(LocalSessions sessions, LimitsConfig config, Guards guards) {
        this.sessions = sessions;
        this.config = config;
        this.guards = guards;
    }

    void opened(WebSocketConnection connection) {
        connection.userData().put(OPENED, System.nanoTime());
    }

    /** Closes the oldest connections of {@code userId} beyond the cap. */
    Uni<Void> enforce(long userId) {
        var open = sessions.connectionsOf(userId).stream()
                .sorted(Comparator.comparingLong(c -> c.userData().get(OPENED) == null ? 0 : c.userData().get(OPENED)))
                .toList();
        int excess = open.size() - config.connectionsPerUser();
        if (excess <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(open.subList(0, excess).stream().map(oldest -> guards.close(oldest, TOO_MANY)).toList())
                .andCollectFailures().replaceWithVoid();
    }
}
