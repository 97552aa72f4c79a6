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

    /**
     * Whether user $2 exists, and null when $1 may reach them, else why not.
     * {@code parley_may_reach} alone decides; the block lookups only explain a refusal.
     */
    private static final String WHY_NOT = """
            SELECT EXISTS (SELECT 1 FROM users WHERE id = $2),
                   CASE WHEN parley_may_reach($1, $2, $3) THEN NULL
                        WHEN EXISTS (SELECT 1 FROM blocks WHERE blocker_id = $1 AND blocked_id = $2) THEN 'blocker'
                        WHEN EXISTS (SELECT 1 FROM blocks WHERE blocker_id = $2 AND blocked_id = $1) THEN 'blocked'
                        ELSE 'policy' END
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
        return whyNot(from, to).invoke(row -> refuseIfBarred(row, to)).replaceWithVoid();
    }

    /**
     * As {@link #require}, for a recipient named by the client: one that does not
     * exist fails with {@code unknown_recipient} first.
     */
    public Uni<Void> requireRecipient(long from, long to) {
        return whyNot(from, to).invoke(row -> {
            if (!row.getBoolean(0)) {
                throw new ChatException(ErrorCode.UNKNOWN_RECIPIENT, "Unknown recipient " + to);
            }
            refuseIfBarred(row, to);
        }).replaceWithVoid();
    }

    private Uni<Row> whyNot(long from, long to) {
        return pool.preparedQuery(WHY_NOT).execute(Tuple.of(from, to, mentorshipsOnly))
                .map(rows -> rows.iterator().next());
    }

    private static void refuseIfBarred(Row row, long to) {
        String reason = row.getString(1);
        if (reason == null) {
            return;
        }
        throw new ChatException(ErrorCode.FORBIDDEN, switch (reason) {
            case "blocker" -> "You blocked user " + to + "; unblock them first";
            case "blocked" -> "User " + to + " does not accept your messages";
            default -> "The contact policy lets you reach only your mentors, your students and admins; user "
                    + to + " is none of them";
        });
    }
}
