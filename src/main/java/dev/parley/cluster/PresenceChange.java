package dev.parley.cluster;

import java.time.Instant;
import java.util.Set;

/**
 * Users came online or went offline in the cluster: a CDI event, observed where
 * their contacts are told. {@code everywhere} says who tells: the replica where
 * the change happened tells every contact through the broker; for a replica that
 * died, every survivor tells the contacts it holds.
 */
public record PresenceChange(Set<Long> userIds, boolean online, Instant lastSeen, boolean everywhere) {

    static PresenceChange online(long userId) {
        return new PresenceChange(Set.of(userId), true, null, true);
    }

    static PresenceChange offline(Set<Long> userIds, Instant lastSeen, boolean everywhere) {
        return new PresenceChange(Set.copyOf(userIds), false, lastSeen, everywhere);
    }
}
