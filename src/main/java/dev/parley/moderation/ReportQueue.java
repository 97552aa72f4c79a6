package dev.parley.moderation;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The admins' list of reports, oldest first, with what they need to decide in one statement. */
@ApplicationScoped
public class ReportQueue {

    private static final String LIST = """
            SELECT r.id, r.message_id, m.conversation_id, m.content, m.deleted_at IS NOT NULL,
                   m.sender_id, s.username, r.reporter_id, p.username, r.reason, r.created_at,
                   (SELECT count(*) FROM reports o WHERE o.message_id = r.message_id AND o.resolved_at IS NULL),
                   r.resolution, r.resolved_by, r.resolved_at, r.note
              FROM reports r
              JOIN messages m ON m.id = r.message_id
              JOIN users s ON s.id = m.sender_id
              JOIN users p ON p.id = r.reporter_id
             WHERE r.resolved_at IS %s NULL AND r.id > $1
             ORDER BY r.id LIMIT $2
            """;
    private static final String OPEN = LIST.formatted("");
    private static final String RESOLVED = LIST.formatted("NOT");

    private final Pool pool;
    private final Paging paging;

    ReportQueue(Pool pool, Paging paging) {
        this.pool = pool;
        this.paging = paging;
    }

    /** Reports with {@code status} {@code open} (the default) or {@code resolved}, after the report {@code afterId}. */
    public Uni<ReportSummary.Page> list(String status, Long afterId, Integer limit) {
        return Uni.createFrom().item(() -> paging.size(limit)).chain(size -> pool
                .preparedQuery(statement(status))
                .execute(Tuple.of(afterId == null ? 0L : Paging.cursor("after_id", afterId), size + 1))
                .map(rows -> {
                    List<ReportSummary> found = new ArrayList<>();
                    rows.forEach(row -> found.add(summary(row)));
                    boolean more = found.size() > size;
                    List<ReportSummary> page = found.stream().limit(size).toList();
                    return new ReportSummary.Page(page, more, more ? page.getLast().id() : null);
                }));
    }

    private static String statement(String status) {
        if (status == null || status.equals("open")) {
            return OPEN;
        }
        if (status.equals("resolved")) {
            return RESOLVED;
        }
        throw new ChatException(ErrorCode.INVALID_FIELD, "status must be open or resolved");
    }

    private static ReportSummary summary(Row row) {
        String resolution = row.getString(12);
        return new ReportSummary(row.getLong(0), row.getLong(1), row.getLong(2), row.getString(3), row.getBoolean(4),
                new ReportSummary.Person(row.getLong(5), row.getString(6)),
                new ReportSummary.Person(row.getLong(7), row.getString(8)),
                row.getString(9), instant(row.getOffsetDateTime(10)), row.getLong(11),
                resolution == null ? "open" : "resolved", resolution, row.getLong(13),
                instant(row.getOffsetDateTime(14)), row.getString(15));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
