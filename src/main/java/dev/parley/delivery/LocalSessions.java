package dev.parley.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of this replica's open connections belong to which user. Holds only ids:
 * the connections themselves stay in websockets-next's {@code OpenConnections}.
 */
@ApplicationScoped
public class LocalSessions {

    private final ConcurrentHashMap<Long, Set<String>> connectionsByUser = new ConcurrentHashMap<>();

    public void add(long userId, String connectionId) {
        connectionsByUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(connectionId);
    }

    public void remove(long userId, String connectionId) {
        connectionsByUser.computeIfPresent(userId, (id, connections) -> {
            connections.remove(connectionId);
            return connections.isEmpty() ? null : connections;
        });
    }

    public Set<String> connectionsOf(long userId) {
        return connectionsByUser.getOrDefault(userId, Set.of());
    }

    public boolean has(long userId) {
        return connectionsByUser.containsKey(userId);
    }

    public Set<Long> users() {
        return Set.copyOf(connectionsByUser.keySet());
    }
}
