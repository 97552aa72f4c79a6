package dev.parley.cluster;

import io.smallrye.mutiny.Uni;

/**
 * The port for limits that hold across the cluster: token buckets shared by every
 * replica, on the cluster's one clock. Implemented in memory (one replica) and on
 * Redis (a script that reads Redis {@code TIME}).
 */
public interface RateLimiter {

    /**
     * Takes a token from the bucket {@code key} ({@code burst} tokens, refilled at
     * {@code perMillisecond}); completes with 0 when one was taken, else with the
     * milliseconds until one will be. Fails when the store is unreachable.
     */
    Uni<Long> take(String key, double perMillisecond, int burst);
}
