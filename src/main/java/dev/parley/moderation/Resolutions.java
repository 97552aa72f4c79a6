package dev.parley.moderation;

import dev.parley.auth.Caller;
import dev.parley.chat.EditedMessage;
import dev.parley.chat.Message;
import dev.parley.chat.MessageEdits;
import dev.parley.chat.MessageRepository;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.events.ChatEvents;
import dev.parley.user.UserRepository;
import dev.parley.user.UserService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Admins resolve a report: delete the message, ban its sender, or dismiss. One
 * transaction closes every open report of the message, writes the audit entry
 * and carries out the action, so a report is never closed without its action
 * nor acted on twice; members hear of a deletion once it committed.
 */
@ApplicationScoped
public class Resolutions {

    /** The outcome, and the deleted message whose audience must hear of it (null if none). */
    record Settled(ResolutionView view, EditedMessage deleted) {
    }

    private final ReportRepository reports;
    private final MessageRepository messages;
    private final MessageEdits edits;
    private final ChatEvents events;
    private final UserService userService;
    private final UserRepository users;
    private final Audit audit;
    private final ModerationConfig config;
    private final ModerationMetrics metrics;

    Resolutions(ReportRepository reports, MessageRepository messages, MessageEdits edits, ChatEvents events,
                UserService userService, UserRepository users, Audit audit, ModerationConfig config,
                ModerationMetrics metrics) {
        this.reports = reports;
        this.messages = messages;
        this.edits = edits;
        this.events = events;
        this.userService = userService;
        this.users = users;
        this.audit = audit;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<ResolutionView> resolve(Caller admin, long reportId, String rawAction, String rawNote) {
        return Uni.createFrom().item(() -> Resolution.parse(rawAction))
                .chain(action -> settle(admin, reportId, action, FreeText.clean("note", rawNote, config.maxNoteLength()))
                        .invoke(() -> metrics.resolved(action)))
                .call(settled -> settled.deleted() == null ? Uni.createFrom().voidItem()
                        : events.messageDeleted(settled.deleted()))
                .map(Settled::view)
                .invoke(view -> Log.infof("Admin %d resolved report %d (message %d, %d reports closed) with %s",
                        admin.id(), reportId, view.messageId(), view.closedReportIds().size(), view.action()));
    }

    @WithTransaction
    Uni<Settled> settle(Caller admin, long reportId, Resolution action, String note) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return reports.findById(reportId)
                .onItem().ifNull().failWith(() -> new ChatException(ErrorCode.NOT_FOUND, "No report " + reportId))
                .chain(report -> close(report.getMessageId(), reportId, action, admin, note, now)
                        .chain(closed -> messages.findById(report.getMessageId())
                                .chain(message -> audit.record(new Audit.Event(admin.id(), action.wireName(), reportId,
                                                message.getId(), message.getSenderId(), note))
                                        .chain(entry -> act(admin, action, message).map(deleted -> new Settled(
                                                new ResolutionView(reportId, message.getId(), action.wireName(), note,
                                                        admin.id(), now, closed, entry.getId()), deleted))))));
    }

    /** Resolves every open report of the message, if the report is still open among them; their ids. */
    private Uni<List<Long>> close(long messageId, long reportId, Resolution action, Caller admin, String note,
                                  Instant now) {
        return reports.lockOpenOf(messageId).map(open -> {
            if (open.stream().noneMatch(report -> report.getId() == reportId)) {
                throw new ChatException(ErrorCode.CONFLICT, "Report " + reportId + " is already resolved");
            }
            open.forEach(report -> report.resolve(action, admin.id(), note, now));
            return open.stream().map(Report::getId).toList();
        });
    }

    /** Carries the action out, last in the transaction; the deleted message for a deletion, else null. */
    private Uni<EditedMessage> act(Caller admin, Resolution action, Message message) {
        return switch (action) {
            // Deleted by its sender meanwhile: nothing left to delete, nobody to tell.
            case DELETE_MESSAGE -> message.isDeleted() ? Uni.createFrom().nullItem()
                    : edits.delete(admin, message.getId());
            // Banned meanwhile (say by another report): their connections were closed then.
            case BAN_USER -> users.count("id = ?1 and deletedAt is null", message.getSenderId())
                    .chain(live -> live > 0 ? userService.delete(message.getSenderId()) : Uni.createFrom().voidItem())
                    .replaceWith((EditedMessage) null);
            case DISMISS -> Uni.createFrom().nullItem();
        };
    }
}
