package dev.parley.moderation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    /** Up to {@code limit} entries older than {@code beforeId}, newest first. */
    Uni<List<AuditEntry>> pageBefore(long beforeId, int limit) {
        return find("id < ?1", Sort.descending("id"), beforeId).range(0, limit - 1).list();
    }
}
