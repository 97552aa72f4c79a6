package dev.parley.policy;

import dev.parley.cluster.OnlineList;
import dev.parley.cluster.PresenceStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The online users a user is shown (the {@code connected} frame's
 * {@code online_users}, {@code GET /api/v1/ws/online-users}): everyone under the
 * {@code open} policy; under {@code mentorships} only their
 * {@link PresenceAudience}, so presence never reaches someone the policy keeps apart.
 */
@ApplicationScoped
public class VisiblePresence {

    private final Reach reach;
    private final PresenceAudience audience;
    private final OnlineList onlineList;
    private final PresenceStore store;

    VisiblePresence(Reach reach, PresenceAudience audience, OnlineList onlineList, PresenceStore store) {
        this.reach = reach;
        this.audience = audience;
        this.onlineList = onlineList;
        this.store = store;
    }

    /** For {@code connected}: the user first, then who else is online, up to the list limit. */
    public Uni<List<Long>> forConnected(long userId) {
        if (!reach.mentorshipsOnly()) {
            return Uni.createFrom().item(withoutGuests(onlineList.forConnected(userId)));
        }
        return onlineContacts(userId).map(contacts -> {
            List<Long> online = new ArrayList<>(contacts.size() + 1);
            online.add(userId);
            online.addAll(contacts);
            return online;
        });
    }

    /** Everyone online the user may see, over all replicas. */
    public Uni<List<Long>> online(long userId) {
        return reach.mentorshipsOnly() ? onlineContacts(userId) : store.onlineUsers().map(VisiblePresence::withoutGuests);
    }

    /** Guests of seed 002/003 rooms (negative ids) have no presence: they are no one's contact. */
    private static List<Long> withoutGuests(List<Long> users) {
        return users.stream().anyMatch(id -> id < 0) ? users.stream().filter(id -> id > 0).toList() : users;
    }

    private Uni<List<Long>> onlineContacts(long userId) {
        return audience.of(userId).map(audience -> audience.userIds().stream().filter(onlineList::isOnline).toList());
    }
}
