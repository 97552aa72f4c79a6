package dev.parley.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One row of the audit log: who did what to which report, message and user, when, and why. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "actor_id", nullable = false)
    private long actorId;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(name = "report_id")
    private Long reportId;

    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "target_user_id")
    private Long targetUserId;

    private String note;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AuditEntry() {
        // for Hibernate
    }

    AuditEntry(Audit.Event event, Instant at) {
        this.actorId = event.actorId();
        this.action = event.action();
        this.reportId = event.reportId();
        this.messageId = event.messageId();
        this.targetUserId = event.targetUserId();
        this.note = event.note();
        this.createdAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getActorId() {
        return actorId;
    }

    public String getAction() {
        return action;
    }

    public Long getReportId() {
        return reportId;
    }

    public Long getMessageId() {
        return messageId;
    }

    public Long getTargetUserId() {
        return targetUserId;
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
