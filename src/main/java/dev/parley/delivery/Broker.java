package dev.parley.delivery;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Moves events between replicas. A replica subscribes to the channels of the users
 * (later: conversations) it holds connections for, and publishes an event on the
 * channel of each user it concerns; it never writes to another user's socket itself.
 */
public interface Broker {

    /** Publishes {@code payload} to every replica subscribed to {@code channel}. */
    Uni<Void> publish(String channel, String payload);

    /**
     * Publishes a message to {@code channels} after every message of the same order
     * (a conversation) with a lower {@code seq}, whichever replica publishes them.
     */
    Uni<Void> publishInOrder(String orderKey, long seq, String payload, List<String> channels);

    /** Makes this replica receive {@code channel}; completes once the broker confirmed. Idempotent. */
    Uni<Void> subscribe(String channel);

    /** Stops receiving {@code channel}. Idempotent. */
    Uni<Void> unsubscribe(String channel);

    /** Sets the consumer of every (channel, payload) this replica receives. */
    void onPublication(BiConsumer<String, String> consumer);

    /** Whether the broker is reachable right now (readiness). */
    boolean isConnected();
}
