package dev.parley.user;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Saves a user's profile as a token (or an admin) states it, in one statement:
 * this runs for every new connection and every REST request, so it is one round
 * trip and no transaction of its own. The common case, nothing changed since the
 * last login, writes nothing.
 */
@ApplicationScoped
class UserProfiles {

    private static final String SAVE = """
            WITH known AS (SELECT deleted_at FROM users WHERE id = $1), saved AS (
                INSERT INTO users (id, username, avatar_url) VALUES ($1, $2, $3)
                ON CONFLICT (id) DO UPDATE
                   SET username = excluded.username, avatar_url = excluded.avatar_url, updated_at = now()
                 WHERE users.deleted_at IS NULL
                   AND (users.username, users.avatar_url) IS DISTINCT FROM (excluded.username, excluded.avatar_url)
            )
            SELECT deleted_at IS NOT NULL FROM known
            """;

    private final Pool pool;

    UserProfiles(Pool pool) {
        this.pool = pool;
    }

    /** Inserts or refreshes the profile (a deleted user's stays as it was); true when the user was deleted. */
    Uni<Boolean> save(long id, String username, String avatarUrl) {
        return pool.preparedQuery(SAVE).execute(Tuple.of(id, username, avatarUrl))
                .map(rows -> {
                    var known = rows.iterator();
                    return known.hasNext() && known.next().getBoolean(0);
                });
    }
}
