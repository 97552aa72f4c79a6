package dev.parley.moderation;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/** A report as its reporter sees it. */
@RegisterForReflection
public record ReportView(long id, long messageId, long chatId, String reason, String status, Instant createdAt) {

    static ReportView of(Report report, long chatId) {
        return new ReportView(report.getId(), report.getMessageId(), chatId, report.getReason(),
                report.isOpen() ? "open" : "resolved", report.getCreatedAt());
    }
}
