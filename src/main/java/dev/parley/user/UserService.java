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

    UserService(UserRepository users) {
        this.users = users;
    }

    /** Records the caller's profile as its token states it; a deleted user is refused. */
    @WithTransaction
    public Uni<Void> remember(Caller caller) {
        return users.upsert(caller.id(), caller.username(), caller.avatarUrl())
                .chain(() -> users.isDeleted(caller.id()))
                .invoke(deleted -> {
                    if (deleted) {
                        throw new ChatException(ErrorCode.FORBIDDEN, "This account was deleted");
                    }
                })
                .replaceWithVoid();
    }

    @WithSession
    public Uni<Boolean> isDeleted(long id) {
        return users.isDeleted(id);
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
    @WithTransaction
    public Uni<UserView> put(long id, String username, String avatarUrl) {
        return users.upsert(id, username, avatarUrl)
                .chain(() -> users.findById(id))
                .map(UserView::of);
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
