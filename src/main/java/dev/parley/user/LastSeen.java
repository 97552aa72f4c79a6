package dev.parley.user;

import dev.parley.batch.Batcher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stamps {@code last_seen} when a user's last connection closes. Users who leave
 * together (a class logging out, a replica draining) are stamped together
 * ({@link Batcher}): one statement, rows locked in id order so that batches on two
 * replicas cannot deadlock.
 */
@ApplicationScoped
class LastSeen {

    private static final String STAMP = """
            WITH locked AS (SELECT id FROM users WHERE id = ANY ($1) ORDER BY id FOR UPDATE)
            UPDATE users u SET last_seen = date_trunc('milliseconds', now())
              FROM locked WHERE u.id = locked.id
            RETURNING u.id, u.last_seen
            """;
    /** Most users in one statement. */
    private static final int MAX_BATCH = 256;

    private final Pool pool;
    private final Batcher<Long, Instant> batcher = new Batcher<>(MAX_BATCH, this::stampAll);

    LastSeen(Pool pool) {
        this.pool = pool;
    }

    /** The time stored, or now for a user who is not stored (deleted meanwhile). */
    Uni<Instant> now(long userId) {
        return batcher.submit(userId);
    }

    private Uni<List<Instant>> stampAll(List<Long> userIds) {
        Long[] distinct = userIds.stream().distinct().toArray(Long[]::new);
        return pool.preparedQuery(STAMP).execute(Tuple.of((Object) distinct)).map(rows -> byUser(userIds, rows));
    }

    private static List<Instant> byUser(List<Long> userIds, RowSet<Row> rows) {
        Map<Long, Instant> stamped = new HashMap<>();
        rows.forEach(row -> stamped.put(row.getLong(0), row.getOffsetDateTime(1).toInstant()));
        List<Instant> times = new ArrayList<>(userIds.size());
        userIds.forEach(id -> times.add(stamped.getOrDefault(id, Instant.now())));
        return times;
    }
}
