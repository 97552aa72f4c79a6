package dev.parley.cluster;

import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * At most {@code parley.limits.connections-per-user} connections per user across
 * the cluster ({@link ConnectionRegistry}): a new one beyond that closes the
 * user's oldest with 4002, on whichever replica holds it, so a forgotten tab
 * cannot pin resources and a script cannot open thousands. When the registry is
 * unreachable the cap holds per replica ({@link Unchecked}).
 */
@ApplicationScoped
public class ConnectionCap {

    public static final CloseReason TOO_MANY = new CloseReason(4002, "too many connections");

    private final ConnectionRegistry registry;
    private final Broker broker;
    private final Channels channels;
    private final Replica replica;
    private final Unchecked unchecked;
    private final int cap;

    ConnectionCap(ConnectionRegistry registry, Broker broker, Channels channels, Replica replica, Unchecked unchecked,
                  ConnectionLimits limits) {
        this.registry = registry;
        this.broker = broker;
        this.channels = channels;
        this.replica = replica;
        this.unchecked = unchecked;
        this.cap = limits.connectionsPerUser();
    }

    int cap() {
        return cap;
    }

    /**
     * Counts the session; tells the replicas that hold the user's connections
     * beyond the cap to close them, and returns those held here, or null when the
     * registry could not be asked (the caller applies the cap locally).
     */
    Uni<List<String>> admit(Session session) {
        return registry.register(session.userId(), session.id(), cap)
                .chain(excess -> {
                    String own = replica.id() + "/";
                    List<String> here = excess.stream().filter(entry -> entry.startsWith(own))
                            .map(entry -> entry.substring(own.length())).toList();
                    List<Uni<Void>> elsewhere = excess.stream().filter(entry -> !entry.startsWith(own))
                            .map(entry -> broker.publish(channels.user(session.userId()), new Disconnect(
                                    TOO_MANY.getCode(), TOO_MANY.getMessage(), entry.substring(entry.indexOf('/') + 1))
                                    .encode()))
                            .toList();
                    return elsewhere.isEmpty() ? Uni.createFrom().item(here)
                            : Uni.join().all(elsewhere).andCollectFailures().replaceWith(here);
                })
                .onFailure().recoverWithItem(failure -> {
                    unchecked.passed("connections", failure);
                    return null;
                });
    }

    /** Stops counting a session that was released. */
    Uni<Void> release(Session session) {
        return registry.unregister(session.userId(), session.id()).onFailure().recoverWithNull();
    }
}
