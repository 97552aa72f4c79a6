package dev.parley.cluster;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code online_users} of a {@code connected} frame, from this replica's
 * memory: its own users as they are now, then the other replicas' as their
 * announcements left them ({@link ClusterView}). {@link Node#open} waits for the
 * broker's barrier first, so everyone connected anywhere before is listed; it
 * costs O(list limit), never O(online users).
 */
@ApplicationScoped
public class OnlineList {

    private final Node node;
    private final ClusterView view;
    private final int limit;

    OnlineList(Node node, ClusterView view, PresenceConfig config) {
        this.node = node;
        this.view = view;
        this.limit = config.connectedListLimit();
    }

    /** {@code userId} first, then the users online here, then elsewhere; at most the configured limit. */
    public List<Long> forConnected(long userId) {
        Set<Long> online = new LinkedHashSet<>();
        online.add(userId);
        addUpToLimit(online, node.localUsers());
        for (Set<Long> users : view.elsewhere()) {
            addUpToLimit(online, users);
        }
        return new ArrayList<>(online);
    }

    /** Whether the user has an open connection on any replica, as this replica knows it now. */
    public boolean isOnline(long userId) {
        return node.isLocal(userId) || view.elsewhere(userId);
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
