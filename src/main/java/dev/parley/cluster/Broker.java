package dev.parley.cluster;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The port through which replicas exchange events (centrifuge's {@code Broker}).
 * A replica subscribes to the channels of the users and rooms it holds
 * connections for, and publishes an event on the channel of each user or room it
 * concerns; it never writes to another replica's sockets itself. Implemented in
 * memory (one replica) and on Redis pub/sub.
 */
public interface Broker {

    /**
     * Starts receiving: every (channel, payload) published on a subscribed channel
     * goes to {@code receiver}, on one thread at a time, in publish order per
     * channel. Called once, by the {@link Node}.
     */
    void start(BiConsumer<String, String> receiver);

    /** Publishes {@code payload} to every replica subscribed to {@code channel}. */
    Uni<Void> publish(String channel, String payload);

    /**
     * Publishes a message to {@code channels} after every message of the same order
     * (a conversation) with a lower {@code seq}, whichever replica publishes them;
     * a predecessor that does not turn up within the gap timeout is given up on.
     */
    Uni<Void> publishInOrder(String orderKey, long seq, String payload, List<String> channels);

    /** Makes this replica receive {@code channel}; completes once the broker confirmed. Idempotent. */
    Uni<Void> subscribe(String channel);

    /** Stops receiving {@code channel}; completes once the broker confirmed. Idempotent. */
    Uni<Void> unsubscribe(String channel);

    /**
     * Completes once every publication the broker accepted before this call, on a
     * channel this replica receives, has been handed to the receiver. What another
     * replica published and saw confirmed is then known here.
     */
    Uni<Void> barrier();

    /** Whether subscriptions are in place, so that what is published reaches this replica (readiness). */
    boolean isReady();
}
