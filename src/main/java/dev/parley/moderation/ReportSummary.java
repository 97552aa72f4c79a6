package dev.parley.moderation;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * A report as admins see it: the message as it is now ({@code content} absent
 * once deleted), who sent and who reported it, and how many reports of the
 * message are open. The resolution fields are present once resolved.
 */
@RegisterForReflection
public record ReportSummary(long id, long messageId, long chatId, String content, boolean messageDeleted,
                            Person sender, Person reporter, String reason, Instant createdAt, long openReports,
                            String status, String resolution, Long resolvedBy, Instant resolvedAt, String note) {

    @RegisterForReflection
    public record Person(long id, String username) {
    }

    /** One page, oldest first; page on with {@code after_id=next_after_id}. */
    @RegisterForReflection
    public record Page(List<ReportSummary> reports, boolean hasMore, Long nextAfterId) {
    }
}
