package dev.parley.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of this replica's open connections belong to which user, and which have
 * joined which room. Holds only ids: the connections themselves stay in
 * websockets-next's {@code OpenConnections}.
 */
@ApplicationScoped
public class LocalSessions {

    private final Index users = new Index();
    private final Index rooms = new Index();

    public void add(long userId, String connectionId) {
        users.add(userId, connectionId);
    }

    public void remove(long userId, String connectionId) {
        users.remove(userId, connectionId);
    }

    public Set<String> connectionsOf(long userId) {
        return users.get(userId);
    }

    public boolean has(long userId) {
        return users.has(userId);
    }

    public Set<Long> users() {
        return users.keys();
    }

    public void joinRoom(long chatId, String connectionId) {
        rooms.add(chatId, connectionId);
    }

    public void leaveRoom(long chatId, String connectionId) {
        rooms.remove(chatId, connectionId);
    }

    public Set<String> connectionsInRoom(long chatId) {
        return rooms.get(chatId);
    }

    public boolean hasRoom(long chatId) {
        return rooms.has(chatId);
    }

    /** A multimap of ids to connection ids whose empty entries disappear. */
    private static final class Index {
        private final ConcurrentHashMap<Long, Set<String>> entries = new ConcurrentHashMap<>();

        void add(long key, String connectionId) {
            entries.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(connectionId);
        }

        void remove(long key, String connectionId) {
            entries.computeIfPresent(key, (k, connections) -> {
                connections.remove(connectionId);
                return connections.isEmpty() ? null : connections;
            });
        }

        Set<String> get(long key) {
            return entries.getOrDefault(key, Set.of());
        }

        boolean has(long key) {
            return entries.containsKey(key);
        }

        Set<Long> keys() {
            return Set.copyOf(entries.keySet());
        }
    }
}
