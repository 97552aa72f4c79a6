package dev.parley.gateway;

import dev.parley.delivery.Broker;
import dev.parley.delivery.Delivery;
import dev.parley.delivery.LocalSessions;
import dev.parley.events.PresenceEvents;
import dev.parley.presence.Presence;
import dev.parley.user.UserService;
import io.quarkus.logging.Log;
import dev.parley.presence.PresenceConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps this replica subscribed to a user's channel (and listed as holding the
 * user) exactly while it holds a connection of theirs, and to a room's channel
 * while a local connection has joined the room. Changes for one channel run one
 * after another and compare the local truth with what is subscribed, so racing
 * opens and closes cannot leave a stale subscription. Announces a user coming
 * online or going offline when no other replica holds them.
 */
@ApplicationScoped
public class Routing {

    private final LocalSessions sessions;
    private final Broker broker;
    private final Delivery delivery;
    private final Presence presence;
    private final PresenceEvents presenceEvents;
    private final UserService users;
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final Sequencer<String> sequencer = new Sequencer<>();
    private final Vertx vertx;
    private final PresenceConfig config;

    Routing(LocalSessions sessions, Broker broker, Delivery delivery, Presence presence,
            PresenceEvents presenceEvents, UserService users, Vertx vertx, PresenceConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.sessions = sessions;
        this.broker = broker;
        this.delivery = delivery;
        this.presence = presence;
        this.presenceEvents = presenceEvents;
        this.users = users;
    }

    void startSweeping(@Observes StartupEvent event) {
        vertx.setPeriodic(config.heartbeatInterval().toMillis(),
                id -> SafeContext.run(vertx, "Sweeping dead replicas", this::sweepDeadReplicas));
    }

    /** The users of replicas that died without a goodbye go offline, unless connected elsewhere. */
    Uni<Void> sweepDeadReplicas() {
        return presence.claimDeadReplicas()
                .onItem().transformToMulti(userIds -> Multi.createFrom().iterable(userIds))
                .onItem().transformToUniAndConcatenate(userId -> sessions.has(userId) ? Uni.createFrom().voidItem()
                        : presence.onlineElsewhere(userId).chain(elsewhere -> elsewhere ? Uni.createFrom().voidItem()
                                : users.lastSeenNow(userId).chain(lastSeen -> presenceEvents.offline(userId, lastSeen))))
                .collect().last()
                .replaceWithVoid();
    }

    Uni<Void> connected(long userId, WebSocketConnection connection) {
        sessions.add(userId, connection);
        return syncUser(userId);
    }

    Uni<Void> disconnected(long userId, WebSocketConnection connection) {
        sessions.remove(userId, connection);
        return syncUser(userId);
    }

    Uni<Void> joinedRoom(long chatId, WebSocketConnection connection) {
        sessions.joinRoom(chatId, connection);
        return syncRoom(chatId);
    }

    Uni<Void> leftRoom(long chatId, WebSocketConnection connection) {
        sessions.leaveRoom(chatId, connection);
        return syncRoom(chatId);
    }

    private Uni<Void> syncUser(long userId) {
        String channel = delivery.userChannel(userId);
        return sequencer.run(channel, () -> {
            boolean wanted = sessions.has(userId);
            if (wanted == subscribed.contains(channel)) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> change = wanted ? cameOnline(userId, channel) : wentOffline(userId, channel);
            return healing(change, channel, wanted);
        });
    }

    private Uni<Void> syncRoom(long chatId) {
        String channel = delivery.roomChannel(chatId);
        return sequencer.run(channel, () -> {
            boolean wanted = sessions.hasRoom(chatId);
            if (wanted == subscribed.contains(channel)) {
                return Uni.createFrom().voidItem();
            }
            return healing(wanted ? broker.subscribe(channel) : broker.unsubscribe(channel), channel, wanted);
        });
    }

    private Uni<Void> cameOnline(long userId, String channel) {
        return presence.onlineElsewhere(userId).chain(elsewhere -> broker.subscribe(channel)
                .chain(() -> presence.markOnline(userId))
                .chain(() -> elsewhere ? Uni.createFrom().voidItem() : presenceEvents.status(userId, "online")));
    }

    private Uni<Void> wentOffline(long userId, String channel) {
        return broker.unsubscribe(channel)
                .chain(() -> presence.markOffline(userId))
                .chain(() -> presence.onlineElsewhere(userId))
                .chain(elsewhere -> elsewhere ? Uni.createFrom().voidItem()
                        : users.lastSeenNow(userId).chain(lastSeen -> presenceEvents.offline(userId, lastSeen)));
    }

    /**
     * The broker re-subscribes remembered channels and the presence heartbeat
     * rewrites the user list, so a failure here heals by itself.
     */
    private Uni<Void> healing(Uni<Void> change, String channel, boolean wanted) {
        return change
                .onFailure().invoke(failure -> Log.warnf("Routing of %s not fully updated: %s", channel,
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .invoke(() -> {
                    if (wanted) {
                        subscribed.add(channel);
                    } else {
                        subscribed.remove(channel);
                    }
                });
    }
}
