package dev.parley.chat;

import dev.parley.batch.Batcher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves members' delivery watermarks, many in one statement ({@link Batcher}):
 * a message written to a recipient's connection is one watermark move, so this
 * runs once per delivered message and must not cost a transaction each. The only
 * code that moves a delivery watermark: reading moves it here too.
 */
@ApplicationScoped
public class DeliveredWatermarks {

    /**
     * Locks the rows in (conversation, user) order before updating them: an
     * {@code UPDATE ... FROM} takes its locks in whatever order the plan reads the
     * rows, and two replicas' batches must not take them in opposite orders.
     */
    private static final String ADVANCE = """
            WITH moves AS (
                SELECT m.conversation_id, m.user_id, v.seq
                  FROM members m
                  JOIN unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS v(conversation_id, user_id, seq)
                    ON m.conversation_id = v.conversation_id AND m.user_id = v.user_id
                 WHERE m.last_delivered_seq < v.seq
                 ORDER BY m.conversation_id, m.user_id
                   FOR UPDATE OF m)
            UPDATE members m SET last_delivered_seq = moves.seq
              FROM moves
             WHERE m.conversation_id = moves.conversation_id AND m.user_id = moves.user_id
               AND m.last_delivered_seq < moves.seq
            RETURNING m.conversation_id, m.user_id
            """;

    private final Pool pool;
    private final Batcher<Mark, Boolean> batcher;

    DeliveredWatermarks(Pool pool, ChatConfig config) {
        this.pool = pool;
        this.batcher = new Batcher<>(config.writeBatchSize(), this::advance);
    }

    /** A member of a conversation. */
    private record Member(long chatId, long userId) {
    }

    private record Mark(long chatId, long userId, long seq) {
        Member member() {
            return new Member(chatId, userId);
        }
    }

    /**
     * Records that {@code userId} received the message with {@code seq} in chat
     * {@code chatId}; true when that moved their watermark, which is news for the
     * sender. Of several moves of one watermark in a batch, only the furthest is.
     */
    public Uni<Boolean> advance(long chatId, long userId, long seq) {
        return batcher.submit(new Mark(chatId, userId, seq));
    }

    private Uni<List<Boolean>> advance(List<Mark> marks) {
        Map<Member, Mark> furthest = new HashMap<>();
        marks.forEach(mark -> furthest.merge(mark.member(), mark, (a, b) -> a.seq() >= b.seq() ? a : b));
        // In a stable order, so two replicas' batches take the row locks alike.
        List<Mark> moves = furthest.values().stream()
                .sorted(Comparator.comparingLong(Mark::chatId).thenComparingLong(Mark::userId)).toList();
        Tuple parameters = Tuple.of(moves.stream().map(Mark::chatId).toArray(Long[]::new),
                moves.stream().map(Mark::userId).toArray(Long[]::new), moves.stream().map(Mark::seq).toArray(Long[]::new));
        return pool.preparedQuery(ADVANCE).execute(parameters).map(rows -> {
            Set<Member> moved = members(rows);
            return marks.stream().map(mark -> furthest.get(mark.member()) == mark && moved.contains(mark.member())).toList();
        });
    }

    private static Set<Member> members(RowSet<Row> rows) {
        Set<Member> moved = new HashSet<>();
        rows.forEach(row -> moved.add(new Member(row.getLong(0), row.getLong(1))));
        return moved;
    }
}
