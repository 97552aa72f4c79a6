package dev.parley.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dispatchers' side of the {@code webhook_events} outbox. A claim takes due
 * events with {@code FOR UPDATE SKIP LOCKED} and leases them, so replicas never
 * take the same event while its lease runs; the outcome is recorded only by the
 * claim that still holds it.
 */
@ApplicationScoped
class Outbox {

    // message_type through to_jsonb: the column exists once system messages do, and 'text' before.
    private static final String CLAIM = """
            WITH claimed AS (
                UPDATE webhook_events e
                   SET locked_until = now() + $2 * INTERVAL '1 millisecond', claim_id = $3,
                       attempts = e.attempts + 1, last_attempt_at = now()
                 WHERE e.id IN (SELECT id FROM webhook_events
                                 WHERE dead_at IS NULL AND available_at <= now()
                                   AND (locked_until IS NULL OR locked_until <= now())
                                 ORDER BY available_at LIMIT $1 FOR UPDATE SKIP LOCKED)
                RETURNING e.id, e.type, e.user_id, e.message_id, e.due_at, e.attempts, e.body
            )
            SELECT c.id, c.type, c.user_id, c.due_at, c.attempts, c.body,
                   m.id, m.conversation_id, k.kind, m.seq, m.sender_id, u.username,
                   COALESCE(to_jsonb(m) ->> 'message_type', 'text'), m.content, m.created_at,
                   m.deleted_at IS NOT NULL, r.last_read_seq
              FROM claimed c
              JOIN messages m ON m.id = c.message_id
              JOIN conversations k ON k.id = m.conversation_id
              LEFT JOIN users u ON u.id = m.sender_id
              LEFT JOIN members r ON r.conversation_id = m.conversation_id AND r.user_id = c.user_id
            """;
    private static final String DONE = "DELETE FROM webhook_events WHERE id = $1 AND claim_id = $2";
    private static final String FAILED = """
            UPDATE webhook_events
               SET body = $3, last_error = left($4, 500), locked_until = NULL, claim_id = NULL,
                   available_at = now() + $5 * INTERVAL '1 millisecond', dead_at = CASE WHEN $6 THEN now() END
             WHERE id = $1 AND claim_id = $2
            """;
    private static final String STATS = """
            SELECT count(*) FILTER (WHERE dead_at IS NULL), count(*) FILTER (WHERE dead_at IS NOT NULL),
                   COALESCE(EXTRACT(EPOCH FROM now() - min(due_at) FILTER (WHERE dead_at IS NULL AND due_at <= now())), 0)
              FROM webhook_events
            """;

    /** Pending and dead events, and the age of the oldest pending one that is due. */
    record Stats(long pending, long dead, double oldestPendingSeconds) {
    }

    private final Pool pool;

    Outbox(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} due events nobody holds, now held by {@code claim} for {@code lease}. */
    Uni<List<ClaimedEvent>> claim(int limit, Duration lease, UUID claim) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, lease.toMillis(), claim)).map(rows -> {
            List<ClaimedEvent> events = new ArrayList<>();
            for (Row row : rows) {
                events.add(new ClaimedEvent(row.getUUID(0), row.getString(1), row.getLong(2), instant(row, 3),
                        row.getInteger(4), row.getString(5), row.getLong(6), row.getLong(7), row.getString(8),
                        row.getLong(9), row.getLong(10), row.getString(11), row.getString(12), row.getString(13),
                        instant(row, 14), row.getBoolean(15), row.getLong(16)));
            }
            return events;
        });
    }

    /** Removes an event that was delivered or no longer applies; false when the claim had lapsed. */
    Uni<Boolean> done(UUID id, UUID claim) {
        return pool.preparedQuery(DONE).execute(Tuple.of(id, claim)).map(rows -> rows.rowCount() == 1);
    }

    /** Records a failed attempt: the next one after {@code retryIn}, or none when {@code dead}. */
    Uni<Boolean> failed(UUID id, UUID claim, String body, String error, Duration retryIn, boolean dead) {
        return pool.preparedQuery(FAILED).execute(Tuple.from(List.of(id, claim, body, error, retryIn.toMillis(), dead)))
                .map(rows -> rows.rowCount() == 1);
    }

    Uni<Stats> stats() {
        return pool.query(STATS).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new Stats(row.getLong(0), row.getLong(1), row.getNumeric(2).doubleValue());
        });
    }

    private static Instant instant(Row row, int column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
