package dev.parley.user;

import dev.parley.auth.Caller;
import dev.parley.batch.Batcher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves users' profiles as their tokens (or an admin) state them. This runs for
 * every new connection and every REST request, so profiles arriving together are
 * saved together ({@link Batcher}): one statement, no transaction of its own, per
 * batch. The common case, nothing changed since the last login, writes nothing.
 */
@ApplicationScoped
class UserProfiles {

    /**
     * Rows in id order, so that batches on two replicas cannot deadlock. A null
     * {@code roles} keeps the stored ones (read in the same statement).
     */
    private static final String SAVE = """
            WITH req AS (
                SELECT r.id, r.username, r.avatar_url, r.roles, u.roles AS stored_roles, u.deleted_at
                  FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS r(id, username, avatar_url, roles)
                  LEFT JOIN users u ON u.id = r.id
            ), saved AS (
                INSERT INTO users (id, username, avatar_url, roles)
                SELECT id, username, avatar_url, COALESCE(string_to_array(roles, ','), stored_roles, '{}')
                  FROM req ORDER BY id
                ON CONFLICT (id) DO UPDATE
                   SET username = excluded.username, avatar_url = excluded.avatar_url,
                       roles = excluded.roles, updated_at = now()
                 WHERE users.deleted_at IS NULL
                   AND (users.username, users.avatar_url, users.roles)
                       IS DISTINCT FROM (excluded.username, excluded.avatar_url, excluded.roles)
            )
            SELECT id, deleted_at IS NOT NULL FROM req
            """;

    /** Most profiles in one statement: a burst of handshakes goes in a few. */
    private static final int MAX_BATCH = 256;

    private final Pool pool;
    private final Batcher<Profile, Boolean> batcher = new Batcher<>(MAX_BATCH, this::saveAll);

    UserProfiles(Pool pool) {
        this.pool = pool;
    }

    /** A profile to save; null roles keep the stored ones. */
    private record Profile(long id, String username, String avatarUrl, String roles) {
    }

    /**
     * Inserts or refreshes the profile (a deleted user's stays as it was); true when
     * the user was deleted. Only the roles Parley knows are kept, sorted, so an
     * unchanged set writes nothing; null roles leave the stored ones as they are.
     */
    Uni<Boolean> save(long id, String username, String avatarUrl, Collection<String> roles) {
        String sorted = roles == null ? null
                : String.join(",", roles.stream().filter(Caller.USER_ROLES::contains).sorted().distinct().toList());
        return batcher.submit(new Profile(id, username, avatarUrl, sorted));
    }

    /** One row per user (the latest profile wins), so the upsert touches no row twice. */
    private Uni<List<Boolean>> saveAll(List<Profile> profiles) {
        Map<Long, Profile> latest = new LinkedHashMap<>();
        profiles.forEach(profile -> latest.put(profile.id(), profile));
        Collection<Profile> rows = latest.values();
        Tuple arrays = Tuple.of(rows.stream().map(Profile::id).toArray(Long[]::new),
                rows.stream().map(Profile::username).toArray(String[]::new),
                rows.stream().map(Profile::avatarUrl).toArray(String[]::new),
                rows.stream().map(Profile::roles).toArray(String[]::new));
        return pool.preparedQuery(SAVE).execute(arrays).map(result -> deleted(profiles, result));
    }

    private static List<Boolean> deleted(List<Profile> profiles, RowSet<Row> rows) {
        Map<Long, Boolean> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(row.getLong(0), row.getBoolean(1)));
        List<Boolean> answers = new ArrayList<>(profiles.size());
        profiles.forEach(profile -> answers.add(byId.get(profile.id())));
        return answers;
    }
}
