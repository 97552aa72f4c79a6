package dev.parley.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The cluster's presence as a heartbeat read it: the users of every other live
 * replica (not this one), and the replicas whose heartbeat is older than the TTL with their users
 * and the time they were last heard of (their users' {@code last_seen}).
 */
public record PresenceSnapshot(Map<String, Listed> live, Map<String, Dead> dead) {

    public static final PresenceSnapshot EMPTY = new PresenceSnapshot(Map.of(), Map.of());

    /** A live replica's users, as of {@code version} of its list (its announcements count up). */
    public record Listed(long version, Set<Long> users) {
    }

    public record Dead(Instant lastHeartbeat, Set<Long> users) {
    }
}
