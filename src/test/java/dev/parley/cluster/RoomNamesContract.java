package dev.parley.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link RoomNames} promises; run against each implementation. */
abstract class RoomNamesContract {

    static final Duration WAIT = Duration.ofSeconds(5);

    final Ports ports = new Ports();
    final Replica replica = new Replica();
    RoomNames names;

    abstract RoomNames create(Ports ports, Replica replica);

    @BeforeEach
    void start() {
        names = create(ports, replica);
    }

    @AfterEach
    void stop() throws Exception {
        ports.close();
    }

    boolean claim(long room, String name, String connection) {
        return names.claim(room, name, connection).await().atMost(WAIT);
    }

    @Test
    void aLiveNameIsNotTakenFromItsHolder() {
        assertTrue(claim(1, "john", "a"));
        assertFalse(claim(1, "john", "b"), "the newcomer is refused, the holder keeps it");
        assertTrue(claim(2, "john", "b"), "another room is another name");
        assertTrue(claim(1, "mary", "b"));
        assertEquals(List.of("john", "mary"), names.names(1).await().atMost(WAIT));
    }

    @Test
    void onlyTheHolderGivesTheNameBack() {
        assertTrue(claim(1, "john", "a"));
        names.release(1, "john", "b").await().atMost(WAIT);
        assertFalse(claim(1, "john", "c"), "a refused connection's release does not free the name");
        names.release(1, "john", "a").await().atMost(WAIT);
        assertEquals(List.of(), names.names(1).await().atMost(WAIT));
        assertTrue(claim(1, "john", "c"));
    }
}
