package dev.parley.cluster;

import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * The port that counts each user's connections across the cluster, for the cap on
 * connections per user. Implemented in memory (one replica) and on Redis, where a
 * replica that died stops counting once its heartbeat is older than the TTL.
 */
public interface ConnectionRegistry {

    /**
     * Records a new connection of {@code userId}; returns the user's connections
     * beyond {@code cap}, oldest first, as {@code replica/connection} ids. They are
     * no longer counted: the caller closes them.
     */
    Uni<List<String>> register(long userId, String connectionId, int cap);

    /** Forgets a connection that closed. */
    Uni<Void> unregister(long userId, String connectionId);
}
