package dev.parley.cluster;

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
 * removed when it is released ({@link Node}), so it holds exactly the live
 * connections.
 */
@ApplicationScoped
class LocalSessions {

    private final Index users = new SmallSetIndex();
    private final Index rooms = new Index();

    void add(Session session) {
        users.add(session.userId(), session);
    }

    void remove(Session session) {
        users.remove(session.userId(), session);
    }

    Set<Session> sessionsOf(long userId) {
        return users.get(userId);
    }

    boolean has(long userId) {
        return users.has(userId);
    }

    /** A copy of the users with a connection here. */
    Set<Long> users() {
        return users.keys();
    }

    /** A live view of the users with a connection here, for reading without a copy. */
    Set<Long> userIds() {
        return users.keyView();
    }

    void joinRoom(long chatId, Session session) {
        rooms.add(chatId, session);
    }

    void leaveRoom(long chatId, Session session) {
        rooms.remove(chatId, session);
    }

    Set<Session> sessionsInRoom(long chatId) {
        return rooms.get(chatId);
    }

    boolean hasRoom(long chatId) {
        return rooms.has(chatId);
    }

    /** A multimap of ids to sessions whose empty entries disappear. */
    private static class Index {
        final ConcurrentHashMap<Long, Set<Session>> entries = new ConcurrentHashMap<>();

        void add(long key, Session session) {
            entries.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(session);
        }

        void remove(long key, Session session) {
            entries.computeIfPresent(key, (k, connections) -> {
                connections.remove(session);
                return connections.isEmpty() ? null : connections;
            });
        }

        Set<Session> get(long key) {
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
        void add(long key, Session session) {
            entries.merge(key, Set.of(session), (present, added) -> {
                Set<Session> both = new HashSet<>(present);
                both.add(session);
                return Set.copyOf(both);
            });
        }

        @Override
        void remove(long key, Session session) {
            entries.computeIfPresent(key, (k, connections) -> {
                Set<Session> rest = new HashSet<>(connections);
                rest.remove(session);
                return rest.isEmpty() ? null : Set.copyOf(rest);
            });
        }
    }
}
