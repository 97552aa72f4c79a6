package dev.parley.cluster;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link PresenceStore} contract against the Redis implementation, on a
 * redis-server of its own, and what only a shared store does: replicas see each
 * other, and one that stops heartbeating is reported dead with its users.
 */
class RedisPresenceStoreTest extends PresenceStoreContract {

    @Test
    void replicasSeeEachOtherAndADeadOneIsReportedWithItsUsers() {
        Replica other = new Replica();
        PresenceStore elsewhere = ports.redisPresence(other);
        elsewhere.heartbeat(5, Set.of(10L, 11L)).await().atMost(WAIT);
        PresenceSnapshot seen = store.heartbeat(0, Set.of(1L)).await().atMost(WAIT);
        assertEquals(Map.of(other.id(), new PresenceSnapshot.Listed(5, Set.of(10L, 11L))), seen.live());
        assertTrue(seen.dead().isEmpty());

        Instant last = Instant.now();
        await().atMost(Ports.TTL.multipliedBy(5)).until(() -> !store.heartbeat(0, Set.of(1L)).await().atMost(WAIT)
                .dead().isEmpty());
        PresenceSnapshot.Dead dead = store.heartbeat(0, Set.of(1L)).await().atMost(WAIT).dead().get(other.id());
        assertEquals(Set.of(10L, 11L), dead.users());
        assertTrue(Math.abs(dead.lastHeartbeat().toEpochMilli() - last.toEpochMilli()) < 1_000, "last heard of then");

        store.forget(other.id()).await().atMost(WAIT);
        assertTrue(store.heartbeat(0, Set.of(1L)).await().atMost(WAIT).dead().isEmpty(), "forgotten");
    }

    @Override
    PresenceStore create(Ports ports) {
        return ports.redisPresence(new Replica());
    }
}
