package dev.parley.moderation;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/** An audit log entry as admins read it; ids that do not apply are absent. */
@RegisterForReflection
public record AuditView(long id, long actorId, String action, Long reportId, Long messageId, Long targetUserId,
                        String note, Instant createdAt) {

    static AuditView of(AuditEntry entry) {
        return new AuditView(entry.getId(), entry.getActorId(), entry.getAction(), entry.getReportId(),
                entry.getMessageId(), entry.getTargetUserId(), entry.getNote(), entry.getCreatedAt());
    }
}
