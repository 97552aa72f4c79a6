package dev.parley.user;

import dev.parley.auth.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;

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
                INSERT INTO users (id, username, avatar_url, roles) VALUES ($1, $2, $3, COALESCE($4::text[], '{}'))
                ON CONFLICT (id) DO UPDATE
                   SET username = excluded.username, avatar_url = excluded.avatar_url,
                       roles = COALESCE($4::text[], users.roles), updated_at = now()
                 WHERE users.deleted_at IS NULL
                   AND (users.username, users.avatar_url, users.roles)
                       IS DISTINCT FROM (excluded.username, excluded.avatar_url, COALESCE($4::text[], users.roles))
            )
            SELECT deleted_at IS NOT NULL FROM known
            """;

    private final Pool pool;

    UserProfiles(Pool pool) {
        this.pool = pool;
    }

    /**
     * Inserts or refreshes the profile (a deleted user's stays as it was); true when
     * the user was deleted. Only the roles Parley knows are kept, sorted, so an
     * unchanged set writes nothing; null roles leave the stored ones as they are.
     */
    Uni<Boolean> save(long id, String username, String avatarUrl, Collection<String> roles) {
        String[] sorted = roles == null ? null
                : roles.stream().filter(Caller.USER_ROLES::contains).sorted().distinct().toArray(String[]::new);
        return pool.preparedQuery(SAVE).execute(Tuple.of(id, username, avatarUrl, sorted))
                .map(rows -> {
                    var known = rows.iterator();
                    return known.hasNext() && known.next().getBoolean(0);
                });
    }
}
