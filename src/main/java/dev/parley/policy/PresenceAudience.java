package dev.parley.policy;

import dev.parley.batch.Batcher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who hears of a user's presence: the people who share a direct chat or a group
 * with them, and their mentorship partners, as far as each pair may reach each
 * other ({@code parley_may_reach}): presence follows the contact policy and blocks.
 * Every connect and every last disconnect asks, so the users asked about together
 * are looked up together ({@link Batcher}): a class logging in at once costs a few
 * statements.
 */
@ApplicationScoped
public class PresenceAudience {

    private static final String AUDIENCE = """
            SELECT me, other, (SELECT username FROM users WHERE id = me) FROM (
                SELECT mine.user_id AS me, o.user_id AS other
                  FROM members mine
                  JOIN conversations c ON c.id = mine.conversation_id AND c.kind <> 'room'
                  JOIN members o ON o.conversation_id = mine.conversation_id AND o.user_id <> mine.user_id
                 WHERE mine.user_id = ANY ($1)
                UNION SELECT mentor_id, student_id FROM mentorships WHERE mentor_id = ANY ($1)
                UNION SELECT student_id, mentor_id FROM mentorships WHERE student_id = ANY ($1)
            ) contacts
            WHERE parley_may_reach(me, other, $2)
            """;
    /** Most users in one lookup. */
    private static final int MAX_BATCH = 256;

    private final Pool pool;
    private final boolean mentorshipsOnly;
    private final Batcher<Long, Audience> batcher = new Batcher<>(MAX_BATCH, this::ofAll);

    PresenceAudience(Pool pool, Reach reach) {
        this.pool = pool;
        this.mentorshipsOnly = reach.mentorshipsOnly();
    }

    /** Whom a user's presence reaches, with the user's name (null when no one hears it). */
    public record Audience(String username, List<Long> userIds) {
        static final Audience NO_ONE = new Audience(null, List.of());
    }

    public Uni<Audience> of(long userId) {
        return batcher.submit(userId);
    }

    private Uni<List<Audience>> ofAll(List<Long> userIds) {
        return pool.preparedQuery(AUDIENCE).execute(Tuple.of(userIds.toArray(Long[]::new), mentorshipsOnly))
                .map(rows -> byUser(userIds, rows));
    }

    private static List<Audience> byUser(List<Long> userIds, RowSet<Row> rows) {
        Map<Long, List<Long>> others = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (Row row : rows) {
            long me = row.getLong(0);
            others.computeIfAbsent(me, ignored -> new ArrayList<>()).add(row.getLong(1));
            names.put(me, row.getString(2));
        }
        List<Audience> audiences = new ArrayList<>(userIds.size());
        for (Long userId : userIds) {
            List<Long> heard = others.get(userId);
            audiences.add(heard == null ? Audience.NO_ONE : new Audience(names.get(userId), heard));
        }
        return audiences;
    }
}
