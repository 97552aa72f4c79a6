package dev.parley.webhook;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The admins' side of the outbox: events whose last attempt failed, newest first,
 * and their replay. A replayed event is pending again with a fresh set of attempts
 * and the same id and body, so a receiver that did get it once recognises it.
 */
@ApplicationScoped
class DeadLetters {

    static final int MAX_LIMIT = 200;

    private static final String LIST = """
            SELECT id, type, user_id, message_id, attempts, last_error, created_at, last_attempt_at, dead_at
              FROM webhook_events WHERE dead_at IS NOT NULL
             ORDER BY dead_at DESC, id LIMIT $1 OFFSET $2
            """;
    private static final String REPLAY = """
            UPDATE webhook_events SET dead_at = NULL, attempts = 0, available_at = now(), locked_until = NULL, claim_id = NULL
             WHERE dead_at IS NOT NULL
            """;

    private final Pool pool;

    DeadLetters(Pool pool) {
        this.pool = pool;
    }

    Uni<DeadLetterPage> list(int offset, int limit) {
        return pool.preparedQuery(LIST).execute(Tuple.of(limit + 1, offset)).map(rows -> {
            List<DeadLetter> letters = new ArrayList<>();
            for (Row row : rows) {
                letters.add(new DeadLetter(row.getUUID(0), row.getString(1), row.getLong(2), row.getLong(3),
                        row.getInteger(4), row.getString(5), time(row, 6), time(row, 7), time(row, 8)));
            }
            boolean more = letters.size() > limit;
            return more ? new DeadLetterPage(letters.subList(0, limit), true, offset + limit)
                    : new DeadLetterPage(letters, false, null);
        });
    }

    /** Makes one dead letter pending again; not_found when {@code id} is no dead letter. */
    Uni<Replayed> replay(UUID id) {
        return pool.preparedQuery(REPLAY + " AND id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.rowCount() == 0) {
                throw new ChatException(ErrorCode.NOT_FOUND, "No dead letter " + id + "; GET /api/v1/webhooks/dead-letters lists them");
            }
            return new Replayed(rows.rowCount());
        });
    }

    /** Makes every dead letter pending again. */
    Uni<Replayed> replayAll() {
        return pool.query(REPLAY).execute().map(rows -> new Replayed(rows.rowCount()));
    }

    private static java.time.Instant time(Row row, int column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
