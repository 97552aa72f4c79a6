package dev.parley.user;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, Long> {

    /** Marks the user deleted; false when there is no such (live) user. */
    public Uni<Boolean> markDeleted(long id) {
        return update("deletedAt = ?2 where id = ?1 and deletedAt is null", id, Instant.now()).map(updated -> updated > 0);
    }

    /** Stamps the user's last_seen with the current time and returns it. */
    public Uni<Instant> touchLastSeen(long id) {
        return getSession().chain(session -> session.createNativeQuery(
                        "UPDATE users SET last_seen = date_trunc('milliseconds', now()) WHERE id = :id RETURNING last_seen",
                        OffsetDateTime.class)
                .setParameter("id", id)
                .getSingleResultOrNull())
                .map(time -> time == null ? Instant.now() : time.toInstant());
    }
}
