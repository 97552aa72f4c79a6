package dev.parley.policy;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether one user may reach another directly: a message, typing, a read receipt
 * or presence. The rule itself is the database function {@code parley_may_reach}
 * (V4 migration), which the batched message writer applies too, so no path can
 * differ from another.
 */
@ApplicationScoped
public class Reach {

    private static final String WHY_NOT = """
            SELECT EXISTS (SELECT 1 FROM blocks WHERE blocker_id = $1 AND blocked_id = $2),
                   EXISTS (SELECT 1 FROM blocks WHERE blocker_id = $2 AND blocked_id = $1),
                   parley_may_reach($1, $2, $3)
            """;

    private final Pool pool;
    private final boolean mentorshipsOnly;

    Reach(Pool pool, PolicyConfig config) {
        this.pool = pool;
        this.mentorshipsOnly = config.direct() == DirectPolicy.MENTORSHIPS;
    }

    /** The third argument of {@code parley_may_reach} for this deployment. */
    public boolean mentorshipsOnly() {
        return mentorshipsOnly;
    }

    /** Fails with {@code forbidden}, saying why, unless {@code from} may reach {@code to}. */
    public Uni<Void> require(long from, long to) {
        return pool.preparedQuery(WHY_NOT).execute(Tuple.of(from, to, mentorshipsOnly))
                .invoke(rows -> refusal(rows.iterator().next(), to))
                .replaceWithVoid();
    }

    private void refusal(Row row, long to) {
        if (row.getBoolean(0)) {
            throw new ChatException(ErrorCode.FORBIDDEN, "You blocked user " + to + "; unblock them first");
        }
        if (row.getBoolean(1)) {
            throw new ChatException(ErrorCode.FORBIDDEN, "User " + to + " does not accept your messages");
        }
        if (!row.getBoolean(2)) {
            throw new ChatException(ErrorCode.FORBIDDEN, "The contact policy lets you reach only your mentors, "
                    + "your students and admins; user " + to + " is none of them");
        }
    }
}
