package dev.parley.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link RoomNames} contract against the Redis implementation, on a
 * redis-server of its own, and what only a shared store does: a name held on one
 * replica is refused on another, until that replica stops heartbeating.
 */
class RedisRoomNamesTest extends RoomNamesContract {

    @Override
    RoomNames create(Ports ports, Replica replica) {
        return ports.redisRoomNames(replica);
    }

    @Test
    void aNameHeldOnALiveReplicaIsRefusedOnAnotherAndFreedWhenThatReplicaDies() {
        Replica other = new Replica();
        ports.redisPresence(other).heartbeat(0, Set.of(-1L)).await().atMost(WAIT);
        assertTrue(ports.redisRoomNames(other).claim(7, "john", "far").await().atMost(WAIT));
        assertFalse(claim(7, "john", "near"), "held on the other, live replica");
        assertEquals(List.of("john"), names.names(7).await().atMost(WAIT));

        // The other replica heartbeats no more: wait until the cluster counts it dead.
        PresenceStore presence = ports.redisPresence(replica);
        await().atMost(Ports.TTL.multipliedBy(5)).until(() -> presence.heartbeat(0, Set.of()).await().atMost(WAIT)
                .dead().containsKey(other.id()));
        assertEquals(List.of(), names.names(7).await().atMost(WAIT), "a dead replica's names are not listed");
        assertTrue(claim(7, "john", "near"), "and are free to claim");
    }
}
