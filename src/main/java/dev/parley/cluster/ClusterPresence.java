package dev.parley.cluster;

import dev.parley.context.SafeContext;
import dev.parley.metrics.ChatMetrics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is online where, as events. Each replica records its users in the
 * {@link PresenceStore} and announces every change on the presence channel;
 * every replica applies the others' announcements to its {@link ClusterView} as
 * they come. The heartbeat only repairs: it replaces this replica's entries
 * atomically and re-reads the others', and finds replicas that died without a
 * goodbye, whose users every survivor then takes offline for the contacts it holds.
 *
 * <p>Announcements carry the replica's version of its own user list, so a
 * heartbeat read that is older than an announcement already applied is not
 * applied over it.
 */
@ApplicationScoped
public class ClusterPresence {

    private final PresenceStore store;
    private final Broker broker;
    private final Channels channels;
    private final Replica replica;
    private final ClusterView view;
    private final PresenceConfig config;
    private final ChatMetrics metrics;
    private final Event<PresenceChange> changes;
    private final Vertx vertx;
    private final AtomicLong version = new AtomicLong();
    private volatile LocalSessions sessions;

    ClusterPresence(PresenceStore store, Broker broker, Channels channels, Replica replica, ClusterView view,
                    PresenceConfig config, ChatMetrics metrics, Event<PresenceChange> changes, Vertx vertx) {
        this.store = store;
        this.broker = broker;
        this.channels = channels;
        this.replica = replica;
        this.view = view;
        this.config = config;
        this.metrics = metrics;
        this.changes = changes;
        this.vertx = vertx;
    }

    void start(LocalSessions local) {
        this.sessions = local;
        view.local(local);
        broker.subscribe(channels.presence()).subscribe().with(ok -> { },
                failure -> Log.warnf("Presence channel not subscribed yet (%s); the broker retries", failure.getMessage()));
        heartbeat();
        vertx.setPeriodic(config.heartbeatInterval().toMillis(), id -> heartbeat());
    }

    void stop(@Observes ShutdownEvent event) {
        store.leave().await().atMost(Duration.ofSeconds(2));
    }

    /** The user's first connection here opened. */
    Uni<Void> arrived(long userId) {
        boolean elsewhere = view.elsewhere(userId);
        return store.add(userId)
                .chain(() -> announce(true, userId))
                .invoke(() -> {
                    if (!elsewhere) {
                        changes.fire(PresenceChange.online(userId));
                    }
                });
    }

    /** The user's last connection here closed. */
    Uni<Void> departed(long userId) {
        return store.remove(userId)
                .chain(() -> announce(false, userId))
                .invoke(() -> {
                    if (!view.elsewhere(userId)) {
                        changes.fire(PresenceChange.offline(Set.of(userId), Instant.now(), true));
                    }
                });
    }

    /** Another replica's announcement on the presence channel ({@link PresenceAnnouncement}). */
    void received(String channel, String payload) {
        PresenceAnnouncement announcement = channel.equals(channels.presence()) ? PresenceAnnouncement.decode(payload) : null;
        if (announcement != null && !announcement.replicaId().equals(replica.id())) {
            view.apply(announcement.replicaId(), announcement.version(), announcement.userId(), announcement.online());
        }
    }

    private Uni<Void> announce(boolean online, long userId) {
        return broker.publish(channels.presence(),
                new PresenceAnnouncement(online, replica.id(), version.incrementAndGet(), userId).encode());
    }

    // The version is read before the users, so a list holds at least every change up to its version.
    private void heartbeat() {
        SafeContext.run(vertx, "Presence heartbeat", () -> store.heartbeat(version.get(), sessions.users())
                .invoke(snapshot -> {
                    Map<String, Set<Long>> gone = view.replace(snapshot.live());
                    Map<String, PresenceSnapshot.Dead> dead = new HashMap<>(snapshot.dead());
                    gone.forEach((id, users) -> dead.putIfAbsent(id, new PresenceSnapshot.Dead(Instant.now(), users)));
                    dead.forEach(this::buried);
                    metrics.onlineUsers(view.count());
                }).replaceWithVoid());
    }

    /** A replica died: its users who are connected nowhere else went offline when it was last heard of. */
    private void buried(String replicaId, PresenceSnapshot.Dead dead) {
        Set<Long> offline = new java.util.HashSet<>();
        for (Long userId : dead.users()) {
            if (!sessions.has(userId) && !view.elsewhere(userId)) {
                offline.add(userId);
            }
        }
        Log.infof("Replica %s stopped heartbeating; %d of its %d users are offline", replicaId, offline.size(),
                dead.users().size());
        if (!offline.isEmpty()) {
            changes.fire(PresenceChange.offline(offline, dead.lastHeartbeat(), false));
        }
        store.forget(replicaId).subscribe().with(ok -> { },
                failure -> Log.warnf("Replica %s not forgotten yet: %s", replicaId, failure.getMessage()));
    }
}
