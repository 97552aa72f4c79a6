package dev.parley.cluster;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Set;

/**
 * The port that keeps who is connected where (centrifuge's {@code PresenceManager}):
 * each replica's users, and each replica's last heartbeat, by which a replica that
 * died without a goodbye is told apart. Implemented in memory (one replica) and on
 * Redis.
 */
public interface PresenceStore {

    /** Records that this replica holds a connection of {@code userId}. */
    Uni<Void> add(long userId);

    /** Records that this replica no longer holds a connection of {@code userId}. */
    Uni<Void> remove(long userId);

    /**
     * Renews this replica's heartbeat and replaces its users with {@code local}
     * (as of {@code version} of its list), in one atomic step, then reads the
     * other replicas' state.
     */
    Uni<PresenceSnapshot> heartbeat(long version, Set<Long> local);

    /** Forgets a replica that died (idempotent: every survivor may call it). */
    Uni<Void> forget(String replicaId);

    /** Every user some live replica holds a connection for, ascending. */
    Uni<List<Long>> onlineUsers();

    /** Removes this replica's entries (shutdown). */
    Uni<Void> leave();
}
