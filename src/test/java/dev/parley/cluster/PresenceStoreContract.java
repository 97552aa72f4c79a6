package dev.parley.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link PresenceStore} promises for the replica that uses it; run against each implementation. */
abstract class PresenceStoreContract {

    static final Duration WAIT = Duration.ofSeconds(5);

    final Ports ports = new Ports();
    PresenceStore store;

    abstract PresenceStore create(Ports ports);

    @BeforeEach
    void start() {
        store = create(ports);
    }

    @AfterEach
    void stop() throws Exception {
        ports.close();
    }

    @Test
    void addedUsersAreOnlineUntilRemoved() {
        store.heartbeat(0, Set.of()).await().atMost(WAIT);
        store.add(1).await().atMost(WAIT);
        store.add(2).await().atMost(WAIT);
        store.remove(1).await().atMost(WAIT);
        assertEquals(List.of(2L), store.onlineUsers().await().atMost(WAIT));
    }

    /** A removal that failed (the store was unreachable) must not outlive the next heartbeat. */
    @Test
    void aHeartbeatReplacesTheReplicasUsersAndDropsTheOnesThatAreGone() {
        store.add(1).await().atMost(WAIT);
        store.add(2).await().atMost(WAIT);
        store.heartbeat(1, Set.of(1L, 3L)).await().atMost(WAIT);
        assertEquals(List.of(1L, 3L), store.onlineUsers().await().atMost(WAIT));
        store.heartbeat(2, Set.of()).await().atMost(WAIT);
        assertEquals(List.of(), store.onlineUsers().await().atMost(WAIT));
    }

    @Test
    void leavingTakesTheReplicasUsersOffline() {
        store.heartbeat(0, Set.of(7L)).await().atMost(WAIT);
        store.leave().await().atMost(WAIT);
        assertEquals(List.of(), store.onlineUsers().await().atMost(WAIT));
    }
}
