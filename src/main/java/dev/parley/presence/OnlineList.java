package dev.parley.presence;

import dev.parley.delivery.LocalSessions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code online_users} of a {@code connected} frame, without a Redis read per
 * connection: this replica's users as they are now, and the other replicas' as of
 * the last presence heartbeat ({@code parley.presence.heartbeat-interval}).
 * Reading every replica's list for each new connection made opening a connection
 * cost O(online users) in Redis reads and JSON; this costs O(list limit).
 */
@ApplicationScoped
public class OnlineList {

    private final LocalSessions sessions;
    private final int limit;
    private volatile Set<Long> elsewhere = Set.of();

    OnlineList(LocalSessions sessions, PresenceConfig config) {
        this.sessions = sessions;
        this.limit = config.connectedListLimit();
    }

    /** The users of the other live replicas, read by the heartbeat. */
    void elsewhere(Set<Long> users) {
        this.elsewhere = Set.copyOf(users);
    }

    /** Users online on any replica, counting the other replicas' as of the last heartbeat. */
    int count() {
        Set<Long> others = elsewhere;
        int count = others.size();
        for (Long local : sessions.userIds()) {
            if (!others.contains(local)) {
                count++;
            }
        }
        return count;
    }

    /** {@code userId} first, then the users online here, then elsewhere; at most the configured limit. */
    public List<Long> forConnected(long userId) {
        Set<Long> online = new LinkedHashSet<>();
        online.add(userId);
        addUpToLimit(online, sessions.userIds());
        addUpToLimit(online, elsewhere);
        return new ArrayList<>(online);
    }

    private void addUpToLimit(Set<Long> online, Iterable<Long> users) {
        for (Long user : users) {
            if (online.size() >= limit) {
                return;
            }
            online.add(user);
        }
    }
}
