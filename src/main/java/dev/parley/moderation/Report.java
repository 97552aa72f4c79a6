package dev.parley.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A member's report of a message; open until an admin resolves it. */
@Entity
@Table(name = "reports")
public class Report {

    @Id
    private Long id;

    @Column(name = "message_id", nullable = false)
    private long messageId;

    @Column(name = "reporter_id", nullable = false)
    private long reporterId;

    @Column(nullable = false)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by")
    private Long resolvedBy;

    @Column(length = 16)
    private String resolution;

    private String note;

    protected Report() {
        // for Hibernate; reports are inserted by ReportRepository#fileOnce
    }

    public void resolve(Resolution action, long adminId, String note, Instant at) {
        this.resolution = action.wireName();
        this.resolvedBy = adminId;
        this.note = note;
        this.resolvedAt = at;
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    public Long getId() {
        return id;
    }

    public long getMessageId() {
        return messageId;
    }

    public long getReporterId() {
        return reporterId;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
