package dev.parley.chat;

import dev.parley.batch.Batcher;
import dev.parley.policy.Reach;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;

/**
 * Finds or creates the direct chats of first messages in batches ({@link Batcher}):
 * one statement checks every pair (both users exist, {@code parley_may_reach}),
 * creates the missing conversations with their two members, and answers each
 * pair's chat. When a class of students writes to their mentors at once, each
 * batch costs one round trip instead of a transaction of several per pair, and
 * the first message then joins the batched {@link MessageWriter} like any other.
 */
@ApplicationScoped
class DirectChatOpener {

    /**
     * Keys are created in key order, so that batches on two replicas cannot
     * deadlock; a key another transaction created meanwhile is not visible to
     * this statement and answers null (the one-by-one path then finds it).
     */
    private static final String OPEN = """
            WITH req AS (
                SELECT r.i, least(r.a, r.b) || ':' || greatest(r.a, r.b) AS key,
                       least(r.a, r.b) AS lo, greatest(r.a, r.b) AS hi,
                       EXISTS (SELECT 1 FROM users WHERE id = r.a) AND EXISTS (SELECT 1 FROM users WHERE id = r.b)
                           AND parley_may_reach(r.a, r.b, $3) AS allowed
                  FROM unnest($1::bigint[], $2::bigint[]) WITH ORDINALITY AS r(a, b, i)
            ), wanted AS (
                SELECT DISTINCT key, lo, hi FROM req
                 WHERE allowed AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.direct_key = req.key)
            ), created AS (
                INSERT INTO conversations (kind, direct_key)
                SELECT 'direct', key FROM wanted ORDER BY key
                ON CONFLICT (direct_key) DO NOTHING
                RETURNING id, direct_key
            ), joined AS (
                INSERT INTO members (conversation_id, user_id)
                SELECT c.id, u.id FROM created c JOIN wanted w ON w.key = c.direct_key,
                       LATERAL (VALUES (w.lo), (w.hi)) AS u(id)
            )
            SELECT req.i, CASE WHEN req.allowed THEN coalesce(created.id, existing.id) END
              FROM req
              LEFT JOIN created ON created.direct_key = req.key
              LEFT JOIN conversations existing ON existing.direct_key = req.key
             ORDER BY req.i
            """;

    private final Pool pool;
    private final boolean mentorshipsOnly;
    private final Batcher<Pair, Long> batcher;

    DirectChatOpener(Pool pool, ChatConfig config, Reach reach) {
        this.pool = pool;
        this.mentorshipsOnly = reach.mentorshipsOnly();
        this.batcher = new Batcher<>(config.writeBatchSize(), this::open);
    }

    private record Pair(long from, long to) {
    }

    /**
     * The direct chat of {@code from} and {@code to}, created if need be; null when
     * the pair may not talk (an unknown user, a block, the policy) or the chat was
     * being created elsewhere: the one-by-one path then says why, or finds it.
     */
    Uni<Long> open(long from, long to) {
        return batcher.submit(new Pair(from, to));
    }

    private Uni<List<Long>> open(List<Pair> pairs) {
        Long[] from = pairs.stream().map(Pair::from).toArray(Long[]::new);
        Long[] to = pairs.stream().map(Pair::to).toArray(Long[]::new);
        return pool.preparedQuery(OPEN).execute(Tuple.of(from, to, mentorshipsOnly)).map(DirectChatOpener::chats)
                // A user deleted meanwhile (23503) or a lock conflict: each pair then goes one by one.
                .onFailure(failure -> failure instanceof PgException pg && pg.getSqlState().matches("23...|40..."))
                .recoverWithItem(() -> Arrays.asList(new Long[pairs.size()]));
    }

    private static List<Long> chats(RowSet<Row> rows) {
        Long[] chats = new Long[rows.size()];
        for (Row row : rows) {
            chats[row.getLong(0).intValue() - 1] = row.getLong(1);
        }
        return Arrays.asList(chats);
    }
}
