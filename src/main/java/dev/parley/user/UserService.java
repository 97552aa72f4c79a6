package dev.parley.user;

import dev.parley.auth.Caller;
import dev.parley.cluster.Delivery;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;

@ApplicationScoped
public class UserService {

    /** How the open connections of a deleted user are closed. */
    public static final CloseReason DELETED = new CloseReason(4003, "account deleted");

    private final UserRepository users;
    private final UserProfiles profiles;
    private final LastSeen lastSeen;
    private final Delivery delivery;

    UserService(UserRepository users, UserProfiles profiles, LastSeen lastSeen, Delivery delivery) {
        this.users = users;
        this.lastSeen = lastSeen;
        this.profiles = profiles;
        this.delivery = delivery;
    }

    /** Records the caller's profile as its token states it; a deleted user is refused. */
    public Uni<Void> remember(Caller caller) {
        return record(caller)
                .invoke(deleted -> {
                    if (deleted) {
                        throw new ChatException(ErrorCode.FORBIDDEN, "This account was deleted");
                    }
                })
                .replaceWithVoid();
    }

    /** Records the caller's profile as its token states it, unless deleted; true when the user was deleted. */
    public Uni<Boolean> record(Caller caller) {
        return profiles.save(caller.id(), caller.username(), caller.avatarUrl(), caller.roles());
    }

    /**
     * Deletes a user: their tokens are refused from now on, their open connections
     * on every replica are closed with 4003 ({@link #DELETED}); their messages stay.
     */
    public Uni<Void> delete(long id) {
        return markDeleted(id).call(() -> delivery.disconnect(id, DELETED, null)
                .onFailure().invoke(failure -> Log.warnf("Connections of deleted user %d not closed everywhere: %s",
                        id, failure.getMessage()))
                .onFailure().recoverWithNull());
    }

    @WithTransaction
    Uni<Void> markDeleted(long id) {
        return users.markDeleted(id).invoke(deleted -> {
            if (!deleted) {
                throw new ChatException(ErrorCode.NOT_FOUND, "No user " + id);
            }
        }).replaceWithVoid();
    }

    /** Records that the user's last connection closed now. */
    public Uni<Instant> lastSeenNow(long id) {
        return lastSeen.now(id);
    }

    /** Records that the user was last seen at {@code time} (a replica that died then), unless later already. */
    @WithTransaction
    public Uni<Instant> lastSeenAt(long id, Instant time) {
        return users.lastSeenAt(id, time);
    }

    /** Creates or updates a user ahead of their first login; null roles keep the stored ones. */
    public Uni<UserView> put(long id, String username, String avatarUrl, Set<String> roles) {
        return profiles.save(id, username, avatarUrl, roles).chain(() -> find(id));
    }

    @WithSession
    public Uni<UserView> find(long id) {
        return users.findById(id)
                .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.NOT_FOUND, "No user " + id))
                .map(UserView::of);
    }
}
