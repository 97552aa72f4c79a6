package dev.parley.policy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Who hears of a user's presence: the people who share a direct chat or a group
 * with them, and their mentorship partners, as far as each pair may reach each
 * other ({@code parley_may_reach}): presence follows the contact policy and blocks.
 */
@ApplicationScoped
public class PresenceAudience {

    private static final String AUDIENCE = """
            SELECT other, (SELECT username FROM users WHERE id = $1) FROM (
                SELECT o.user_id AS other
                  FROM members mine
                  JOIN conversations c ON c.id = mine.conversation_id AND c.kind <> 'room'
                  JOIN members o ON o.conversation_id = mine.conversation_id AND o.user_id <> mine.user_id
                 WHERE mine.user_id = $1
                UNION SELECT student_id FROM mentorships WHERE mentor_id = $1
                UNION SELECT mentor_id FROM mentorships WHERE student_id = $1
            ) contacts
            WHERE parley_may_reach($1, other, $2)
            """;

    private final Pool pool;
    private final Reach reach;

    PresenceAudience(Pool pool, Reach reach) {
        this.pool = pool;
        this.reach = reach;
    }

    /** Whom a user's presence reaches, with the user's name (null when no one hears it). */
    public record Audience(String username, List<Long> userIds) {
    }

    public Uni<Audience> of(long userId) {
        return pool.preparedQuery(AUDIENCE).execute(Tuple.of(userId, reach.mentorshipsOnly())).map(rows -> {
            List<Long> ids = new ArrayList<>(rows.size());
            String username = null;
            for (Row row : rows) {
                ids.add(row.getLong(0));
                username = row.getString(1);
            }
            return new Audience(username, ids);
        });
    }
}
