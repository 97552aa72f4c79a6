package dev.parley.cluster;

import dev.parley.context.SafeContext;
import dev.parley.context.Sequencer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Keeps this replica subscribed to a channel exactly while the local truth wants
 * it: a user's channel (and the user present) while it holds one of their
 * connections, a room's while a local connection joined the room. Changes for one
 * channel run one after another and compare the truth with what is in place, so
 * racing opens and closes cannot leave a stale subscription; a change that fails
 * is retried, never recorded as done.
 */
@ApplicationScoped
class Subscriptions {

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final Sequencer<String> sequencer = new Sequencer<>();
    private final Broker broker;
    private final Channels channels;
    private final ClusterPresence presence;
    private final Vertx vertx;

    Subscriptions(Broker broker, Channels channels, ClusterPresence presence, Vertx vertx) {
        this.broker = broker;
        this.channels = channels;
        this.presence = presence;
        this.vertx = vertx;
    }

    /** Brings the user's channel and presence in line with {@code wanted}. */
    Uni<Void> user(long userId, BooleanSupplier wanted) {
        String channel = channels.user(userId);
        return sync(channel, wanted,
                () -> broker.subscribe(channel).chain(() -> presence.arrived(userId)),
                () -> broker.unsubscribe(channel).chain(() -> presence.departed(userId)),
                () -> user(userId, wanted));
    }

    /** Brings the room's channel in line with {@code wanted}. */
    Uni<Void> room(long chatId, BooleanSupplier wanted) {
        String channel = channels.room(chatId);
        return sync(channel, wanted, () -> broker.subscribe(channel), () -> broker.unsubscribe(channel),
                () -> room(chatId, wanted));
    }

    private Uni<Void> sync(String channel, BooleanSupplier wanted, java.util.function.Supplier<Uni<Void>> add,
                           java.util.function.Supplier<Uni<Void>> remove, java.util.function.Supplier<Uni<Void>> again) {
        return sequencer.run(channel, () -> {
            boolean want = wanted.getAsBoolean();
            if (want == subscribed.contains(channel)) {
                return Uni.createFrom().voidItem();
            }
            return (want ? add.get() : remove.get())
                    .invoke(() -> {
                        if (want) {
                            subscribed.add(channel);
                        } else {
                            subscribed.remove(channel);
                        }
                    })
                    .onFailure().recoverWithItem(failure -> {
                        Log.warnf("Routing of %s not updated (%s); retrying in %d ms", channel, failure.getMessage(),
                                RETRY.toMillis());
                        vertx.setTimer(RETRY.toMillis(), id -> SafeContext.run(vertx, "Routing " + channel, again));
                        return null;
                    });
        });
    }
}
