package dev.parley.gateway;

import dev.parley.delivery.Broker;
import dev.parley.delivery.Delivery;
import dev.parley.delivery.LocalSessions;
import dev.parley.presence.Presence;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Sequencer<Long> sequencer = new Sequencer<>();

    UserRouting(LocalSessions sessions, Broker broker, Delivery delivery, Presence presence) {
        this.sessions = sessions;
        this.broker = broker;
        this.delivery = delivery;
        this.presence = presence;
    }

    Uni<Void> connected(long userId, String connectionId) {
        sessions.add(userId, connectionId);
        return sequencer.run(userId, () -> reconcile(userId));
    }

    Uni<Void> disconnected(long userId, String connectionId) {
        sessions.remove(userId, connectionId);
        return sequencer.run(userId, () -> reconcile(userId));
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
}
