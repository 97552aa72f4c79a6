package dev.parley.moderation;

import dev.parley.auth.Caller;
import dev.parley.chat.ChatAccess;
import dev.parley.chat.Message;
import dev.parley.chat.MessageRepository;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Members report messages they can read. A reporter has one open report per
 * message: reporting it again answers with that report.
 */
@ApplicationScoped
public class Reporting {

    /** A report and whether this request filed it (false: the reporter's open one was found). */
    public record Filed(ReportView report, boolean created) {
    }

    private final MessageRepository messages;
    private final ChatAccess access;
    private final ReportRepository reports;
    private final ModerationConfig config;
    private final ModerationMetrics metrics;

    Reporting(MessageRepository messages, ChatAccess access, ReportRepository reports, ModerationConfig config,
              ModerationMetrics metrics) {
        this.messages = messages;
        this.access = access;
        this.reports = reports;
        this.config = config;
        this.metrics = metrics;
    }

    @WithTransaction
    public Uni<Filed> report(Caller reporter, long messageId, String rawReason) {
        return Uni.createFrom().item(() -> reason(rawReason))
                .chain(reason -> reportable(reporter, messageId).chain(message -> reports
                        .fileOnce(messageId, reporter.id(), reason, Instant.now().truncatedTo(ChronoUnit.MILLIS))
                        .chain(id -> id != null
                                ? reports.findById(id).map(report -> filed(report, message, true))
                                : reports.findOpen(messageId, reporter.id()).map(report -> filed(report, message, false)))));
    }

    /** The message, if the reporter may read it (a member of its chat), it still exists, and it is not theirs. */
    private Uni<Message> reportable(Caller reporter, long messageId) {
        return messages.findById(messageId)
                .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.NOT_FOUND, "No message " + messageId))
                .call(message -> access.requireMember(reporter, message.getConversationId()))
                .invoke(message -> {
                    if (message.isDeleted()) {
                        throw new ChatException(ErrorCode.NOT_FOUND, "Message " + messageId + " was deleted");
                    }
                    if (message.isSystem()) {
                        throw new ChatException(ErrorCode.FORBIDDEN,
                                "System messages come from the platform and cannot be reported");
                    }
                    if (message.isFrom(reporter.id())) {
                        throw new ChatException(ErrorCode.FORBIDDEN,
                                "You cannot report your own message; edit or delete it instead");
                    }
                });
    }

    private String reason(String raw) {
        if (raw == null) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Missing reason");
        }
        return FreeText.clean("reason", raw, config.maxReasonLength());
    }

    private Filed filed(Report report, Message message, boolean created) {
        if (created) {
            metrics.filed();
            Log.infof("User %d reported message %d (report %d)", report.getReporterId(), message.getId(), report.getId());
        }
        return new Filed(ReportView.of(report, message.getConversationId()), created);
    }
}
