package dev.parley.events;

import dev.parley.cluster.Delivery;
import dev.parley.cluster.PresenceChange;
import dev.parley.cluster.Route;
import dev.parley.context.SafeContext;
import dev.parley.policy.PresenceAudience;
import dev.parley.protocol.ServerFrame;
import dev.parley.user.UserService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;
import java.util.function.Function;

/**
 * Tells a user's contacts ({@link PresenceAudience}: who shares a chat or a
 * mentorship with them, as the contact policy and blocks allow) about
 * their presence, as the cluster reports it ({@link PresenceChange}), and records
 * {@code last_seen}.
 */
@ApplicationScoped
public class PresenceEvents {

    private final PresenceAudience audience;
    private final Delivery delivery;
    private final UserService users;
    private final Vertx vertx;

    PresenceEvents(PresenceAudience audience, Delivery delivery, UserService users, Vertx vertx) {
        this.audience = audience;
        this.delivery = delivery;
        this.users = users;
        this.vertx = vertx;
    }

    void changed(@Observes PresenceChange change) {
        SafeContext.run(vertx, "Presence of " + change.userIds(), () -> Multi.createFrom().iterable(change.userIds())
                .onItem().transformToUniAndMerge(userId -> tell(userId, change))
                .collect().last().replaceWithVoid());
    }

    /** A user set their own status ({@code status} frame). */
    public Uni<Void> status(long userId, String status) {
        return toContacts(userId, username -> new ServerFrame.UserStatus(userId, username, status, Instant.now()), true);
    }

    private Uni<Void> tell(long userId, PresenceChange change) {
        if (change.online()) {
            return status(userId, "online");
        }
        Uni<Instant> lastSeen = change.everywhere() ? users.lastSeenNow(userId)
                : users.lastSeenAt(userId, change.lastSeen());
        return lastSeen.chain(seen -> toContacts(userId,
                username -> new ServerFrame.UserOffline(userId, seen, Instant.now()), change.everywhere()));
    }

    /** The frame made with the user's name, through the broker to every replica or only to the contacts here. */
    private Uni<Void> toContacts(long userId, Function<String, ServerFrame> frame, boolean everywhere) {
        return audience.of(userId).chain(contacts -> {
            ServerFrame told = frame.apply(contacts.username());
            return everywhere ? delivery.toUsers(contacts.userIds(), told, Route.DIRECT)
                    : delivery.toUsersHere(contacts.userIds(), told);
        });
    }
}
