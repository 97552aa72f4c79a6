package dev.parley.gateway;

import dev.parley.delivery.Broker;
import dev.parley.delivery.Delivery;
import dev.parley.delivery.LocalSessions;
import dev.parley.presence.Presence;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps this replica subscribed to a user's channel, and the user listed as
 * online here, exactly while it holds a connection of theirs. Changes for one
 * user run one after another and each compares the local truth with what is
 * routed, so racing opens and closes cannot leave a stale subscription.
 */
@ApplicationScoped
public class UserRouting {

    private final LocalSessions sessions;
    private final Broker broker;
    private final Delivery delivery;
    private final Presence presence;
    private final Set<Long> routed = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    UserRouting(LocalSessions sessions, Broker broker, Delivery delivery, Presence presence) {
        this.sessions = sessions;
        this.broker = broker;
        this.delivery = delivery;
        this.presence = presence;
    }

    Uni<Void> connected(long userId, String connectionId) {
        sessions.add(userId, connectionId);
        return serially(userId, () -> reconcile(userId));
    }

    Uni<Void> disconnected(long userId, String connectionId) {
        sessions.remove(userId, connectionId);
        return serially(userId, () -> reconcile(userId));
    }

    private Uni<Void> reconcile(long userId) {
        boolean wanted = sessions.has(userId);
        if (wanted == routed.contains(userId)) {
            return Uni.createFrom().voidItem();
        }
        String channel = delivery.userChannel(userId);
        Uni<Void> change = wanted
                ? broker.subscribe(channel).chain(() -> presence.markOnline(userId))
                : broker.unsubscribe(channel).chain(() -> presence.markOffline(userId));
        // The broker re-subscribes remembered channels and the presence heartbeat
        // rewrites the user list, so a failure here heals by itself.
        return change
                .onFailure().invoke(failure -> Log.warnf("Routing of user %d not updated yet: %s", userId,
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .invoke(() -> {
                    if (wanted) {
                        routed.add(userId);
                    } else {
                        routed.remove(userId);
                    }
                });
    }

    /** Runs {@code step} after every earlier step for the same user has finished. */
    private Uni<Void> serially(long userId, Supplier<Uni<Void>> step) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> previous = pending.put(userId, mine);
        Uni<Void> start = previous == null ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(previous);
        return start.chain(step::get)
                .onTermination().invoke(() -> {
                    mine.complete(null);
                    pending.remove(userId, mine);
                });
    }
}
