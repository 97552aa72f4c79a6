package dev.parley.moderation;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The audit log of admin actions. Any feature records its actions here; called
 * inside a transaction, the entry commits (or rolls back) with the action.
 */
@ApplicationScoped
public class Audit {

    /**
     * An action to record: who ({@code actorId}) did what ({@code action}, a short
     * snake_case name such as {@code ban_user}) to what (any of the ids), and why.
     */
    public record Event(long actorId, String action, Long reportId, Long messageId, Long targetUserId, String note) {
    }

    /** One page of the log, newest first; page on with {@code before_id=next_before_id}. */
    @RegisterForReflection
    public record Page(List<AuditView> entries, boolean hasMore, Long nextBeforeId) {
    }

    private final AuditRepository log;

    Audit(AuditRepository log) {
        this.log = log;
    }

    @WithTransaction
    public Uni<AuditEntry> record(Event event) {
        return log.persist(new AuditEntry(event, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    @WithSession
    public Uni<Page> page(Long beforeId, int limit) {
        return log.pageBefore(beforeId == null ? Long.MAX_VALUE : beforeId, limit + 1).map(found -> {
            boolean more = found.size() > limit;
            List<AuditView> entries = found.stream().limit(limit).map(AuditView::of).toList();
            return new Page(entries, more, more ? entries.getLast().id() : null);
        });
    }
}
