package dev.parley.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@link ConnectionRegistry} contract against the Redis implementation, on a
 * redis-server of its own, and what only a shared registry does: replicas count
 * together, and a replica that stopped heartbeating stops counting.
 */
class RedisConnectionRegistryTest extends ConnectionRegistryContract {

    @Override
    ConnectionRegistry create(Ports ports, Replica replica) {
        return ports.redisConnections(replica);
    }

    @Test
    void replicasCountTogetherAndADeadOneStopsCounting() {
        Replica other = new Replica();
        ConnectionRegistry elsewhere = ports.redisConnections(other);
        ports.redisPresence(other).heartbeat(0, Set.of(9L, 10L)).await().atMost(WAIT);
        assertEquals(List.of(), elsewhere.register(9, "far", 2).await().atMost(WAIT));
        assertEquals(List.of(), elsewhere.register(10, "far", 2).await().atMost(WAIT));
        assertEquals(List.of(), register(9, "near"));
        assertEquals(List.of(other.id() + "/far"), register(9, "newest"), "the oldest, on the live other replica");

        assertEquals(List.of(), register(10, "near"));
        // The other replica heartbeats no more: wait until the cluster counts it dead.
        PresenceStore presence = ports.redisPresence(replica);
        await().atMost(Ports.TTL.multipliedBy(5)).until(() -> presence.heartbeat(0, Set.of()).await().atMost(WAIT)
                .dead().containsKey(other.id()));
        assertEquals(List.of(), register(10, "newest"), "a dead replica's connections no longer count");
    }
}
