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

    /**
     * Records that the user was last seen at {@code time}, unless a later time is
     * recorded already (several replicas may record the same departure).
     */
    public Uni<Instant> lastSeenAt(long id, Instant time) {
        return getSession().chain(session -> session.createNativeQuery("""
                        UPDATE users SET last_seen = GREATEST(COALESCE(last_seen, :time), :time)
                         WHERE id = :id RETURNING last_seen""", OffsetDateTime.class)
                .setParameter("id", id)
                .setParameter("time", time.atOffset(java.time.ZoneOffset.UTC))
                .getSingleResultOrNull())
                .map(stored -> stored == null ? time : stored.toInstant());
    }
}
