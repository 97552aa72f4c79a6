package dev.parley.cluster;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This replica's picture of the other live replicas' users, kept current by their
 * announcements and repaired by heartbeats. Each replica's entry carries the
 * version of its list that it reflects, so a late heartbeat read never undoes a
 * newer announcement.
 */
@ApplicationScoped
class ClusterView {

    private record Replica(long version, Set<Long> users) {
    }

    private final ConcurrentHashMap<String, Replica> others = new ConcurrentHashMap<>();
    private volatile LocalSessions local;

    void local(LocalSessions sessions) {
        this.local = sessions;
    }

    /** Applies one announcement of {@code replicaId}: its list at {@code version} gained or lost the user. */
    void apply(String replicaId, long version, long userId, boolean online) {
        others.compute(replicaId, (id, known) -> {
            if (known != null && known.version() >= version) {
                return known;
            }
            Set<Long> users = known == null ? ConcurrentHashMap.newKeySet() : known.users();
            if (online) {
                users.add(userId);
            } else {
                users.remove(userId);
            }
            return new Replica(version, users);
        });
    }

    /**
     * Takes the other live replicas' lists as a heartbeat read them; returns the
     * replicas known before that are no longer live, with their users.
     */
    Map<String, Set<Long>> replace(Map<String, PresenceSnapshot.Listed> live) {
        Map<String, Set<Long>> gone = new HashMap<>();
        others.forEach((id, known) -> {
            if (!live.containsKey(id)) {
                gone.put(id, Set.copyOf(known.users()));
            }
        });
        gone.keySet().forEach(others::remove);
        live.forEach((id, listed) -> others.compute(id, (key, known) -> {
            if (known != null && known.version() > listed.version()) {
                return known;
            }
            Set<Long> users = ConcurrentHashMap.newKeySet();
            users.addAll(listed.users());
            return new Replica(listed.version(), users);
        }));
        return gone;
    }

    /** Whether another live replica holds a connection of the user. */
    boolean elsewhere(long userId) {
        for (Replica replica : others.values()) {
            if (replica.users().contains(userId)) {
                return true;
            }
        }
        return false;
    }

    /** Users online on any replica. */
    int count() {
        Set<Long> all = new HashSet<>(local.userIds());
        others.values().forEach(replica -> all.addAll(replica.users()));
        return all.size();
    }

    /** The other replicas' users, for reading without a copy. */
    Iterable<Set<Long>> elsewhere() {
        return others.values().stream().map(Replica::users).toList();
    }
}
