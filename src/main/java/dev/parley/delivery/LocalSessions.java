package dev.parley.delivery;

import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This replica's open chat connections by user, and by the rooms they joined.
 * websockets-next's {@code OpenConnections} finds a connection by id with a scan
 * of all of them, once per delivery that would be O(connections); this index makes
 * a delivery cost O(recipients). Entries are added when a session opens and
 * removed when it is released ({@code gateway.Sessions}), so it holds exactly the
 * live connections.
 */
@ApplicationScoped
public class LocalSessions {

    private final Index users = new SmallSetIndex();
    private final Index rooms = new Index();

    public void add(long userId, WebSocketConnection connection) {
        users.add(userId, connection);
    }

    public void remove(long userId, WebSocketConnection connection) {
        users.remove(userId, connection);
    }

    public Set<WebSocketConnection> connectionsOf(long userId) {
        return users.get(userId);
    }

    public boolean has(long userId) {
        return users.has(userId);
    }

    /** A copy of the users with a connection here. */
    public Set<Long> users() {
        return users.keys();
    }

    /** A live view of the users with a connection here, for reading without a copy. */
    public Set<Long> userIds() {
        return users.keyView();
    }

    public void joinRoom(long chatId, WebSocketConnection connection) {
        rooms.add(chatId, connection);
    }

    public void leaveRoom(long chatId, WebSocketConnection connection) {
        rooms.remove(chatId, connection);
    }

    public Set<WebSocketConnection> connectionsInRoom(long chatId) {
        return rooms.get(chatId);
    }

    public boolean hasRoom(long chatId) {
        return rooms.has(chatId);
    }

    /** A multimap of ids to connections whose empty entries disappear. */
    private static class Index {
        final ConcurrentHashMap<Long, Set<WebSocketConnection>> entries = new ConcurrentHashMap<>();

        void add(long key, WebSocketConnection connection) {
            entries.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(connection);
        }

        void remove(long key, WebSocketConnection connection) {
            entries.computeIfPresent(key, (k, connections) -> {
                connections.remove(connection);
                return connections.isEmpty() ? null : connections;
            });
        }

        Set<WebSocketConnection> get(long key) {
            return entries.getOrDefault(key, Set.of());
        }

        boolean has(long key) {
            return entries.containsKey(key);
        }

        Set<Long> keys() {
            return Set.copyOf(entries.keySet());
        }

        Set<Long> keyView() {
            return Collections.unmodifiableSet(entries.keySet());
        }
    }

    /**
     * Users have a few connections each (at most {@code connections-per-user}):
     * an immutable set replaced on each change costs a few bytes where a
     * concurrent set costs a table, once per online user.
     */
    private static final class SmallSetIndex extends Index {

        @Override
        void add(long key, WebSocketConnection connection) {
            entries.merge(key, Set.of(connection), (present, added) -> {
                Set<WebSocketConnection> both = new HashSet<>(present);
                both.add(connection);
                return Set.copyOf(both);
            });
        }

        @Override
        void remove(long key, WebSocketConnection connection) {
            entries.computeIfPresent(key, (k, connections) -> {
                Set<WebSocketConnection> rest = new HashSet<>(connections);
                rest.remove(connection);
                return rest.isEmpty() ? null : Set.copyOf(rest);
            });
        }
    }
}
