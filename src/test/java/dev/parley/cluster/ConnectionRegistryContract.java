package dev.parley.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link ConnectionRegistry} promises; run against each implementation. */
abstract class ConnectionRegistryContract {

    static final Duration WAIT = Duration.ofSeconds(5);

    final Ports ports = new Ports();
    final Replica replica = new Replica();
    ConnectionRegistry registry;

    abstract ConnectionRegistry create(Ports ports, Replica replica);

    @BeforeEach
    void start() {
        registry = create(ports, replica);
    }

    @AfterEach
    void stop() throws Exception {
        ports.close();
    }

    List<String> register(long user, String connection) {
        return registry.register(user, connection, 2).await().atMost(WAIT);
    }

    @Test
    void beyondTheCapTheOldestIsReturnedAndNoLongerCounted() {
        assertEquals(List.of(), register(1, "a"));
        assertEquals(List.of(), register(1, "b"));
        assertEquals(List.of(replica.id() + "/a"), register(1, "c"));
        assertEquals(List.of(), register(2, "x"), "users are counted apart");
        registry.unregister(1, "b").await().atMost(WAIT);
        assertEquals(List.of(), register(1, "d"), "a closed connection no longer counts");
        assertEquals(List.of(replica.id() + "/c"), register(1, "e"));
    }
}
