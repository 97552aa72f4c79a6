package dev.parley.user;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final UserProfiles profiles;

    UserService(UserRepository users, UserProfiles profiles) {
        this.users = users;
        this.profiles = profiles;
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
        return profiles.save(caller.id(), caller.username(), caller.avatarUrl());
    }

    /** Deletes a user: their tokens are refused from now on; their messages stay. */
    @WithTransaction
    public Uni<Void> delete(long id) {
        return users.markDeleted(id).invoke(deleted -> {
            if (!deleted) {
                throw new ChatException(ErrorCode.NOT_FOUND, "No user " + id);
            }
        }).replaceWithVoid();
    }

    /** Records that the user's last connection closed now. */
    @WithTransaction
    public Uni<Instant> lastSeenNow(long id) {
        return users.touchLastSeen(id);
    }

    /** Creates or updates a user ahead of their first login. */
    public Uni<UserView> put(long id, String username, String avatarUrl) {
        return profiles.save(id, username, avatarUrl).chain(() -> find(id));
    }

    @WithSession
    public Uni<Boolean> exists(long id) {
        return users.count("id", id).map(count -> count > 0);
    }

    @WithSession
    public Uni<UserView> find(long id) {
        return users.findById(id)
                .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.NOT_FOUND, "No user " + id))
                .map(UserView::of);
    }
}
