package dev.parley.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's blocks. While one of a pair blocks the other, neither reaches the other
 * directly ({@code parley_may_reach}): the blocked user's messages, typing and
 * reads are refused with {@code forbidden}, and the blocker is told to unblock first.
 */
@ApplicationScoped
public class Blocks {

    /** Someone the caller blocked, since when. */
    @RegisterForReflection
    public record Block(long userId, Instant createdAt) {
    }

    private final Pool pool;

    Blocks(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> block(long blockerId, long blockedId) {
        Pair.requireTwo(blockerId, blockedId);
        return pool.preparedQuery("INSERT INTO blocks (blocker_id, blocked_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(blockerId, blockedId))
                .onFailure().transform(failure -> Pair.unknownUser(failure, blockerId, blockedId))
                .replaceWithVoid();
    }

    public Uni<Void> unblock(long blockerId, long blockedId) {
        return pool.preparedQuery("DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2")
                .execute(Tuple.of(blockerId, blockedId))
                .replaceWithVoid();
    }

    public Uni<List<Block>> of(long blockerId) {
        return pool.preparedQuery("SELECT blocked_id, created_at FROM blocks WHERE blocker_id = $1 ORDER BY created_at")
                .execute(Tuple.of(blockerId)).map(rows -> {
                    List<Block> blocks = new ArrayList<>();
                    for (Row row : rows) {
                        blocks.add(new Block(row.getLong(0), row.getOffsetDateTime(1).toInstant()));
                    }
                    return blocks;
                });
    }
}
