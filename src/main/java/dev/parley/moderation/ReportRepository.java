package dev.parley.moderation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, Long> {

    /**
     * Files a report unless the reporter has an open one for the message; the id
     * of the new report, or null. The unique index decides, so two racing
     * requests cannot both file one.
     */
    public Uni<Long> fileOnce(long messageId, long reporterId, String reason, Instant at) {
        return getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO reports (message_id, reporter_id, reason, created_at) VALUES (:m, :r, :reason, :at)
                        ON CONFLICT (message_id, reporter_id) WHERE resolved_at IS NULL DO NOTHING
                        RETURNING id""", Long.class)
                .setParameter("m", messageId)
                .setParameter("r", reporterId)
                .setParameter("reason", reason)
                .setParameter("at", at.atOffset(ZoneOffset.UTC))
                .getSingleResultOrNull());
    }

    public Uni<Report> findOpen(long messageId, long reporterId) {
        return find("messageId = ?1 and reporterId = ?2 and resolvedAt is null", messageId, reporterId).firstResult();
    }

    /** The open reports of a message, locked in id order (so two resolutions of one message cannot deadlock). */
    public Uni<List<Report>> lockOpenOf(long messageId) {
        return find("messageId = ?1 and resolvedAt is null", Sort.ascending("id"), messageId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
