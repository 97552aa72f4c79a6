package dev.parley.guest;

import dev.parley.auth.Caller;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guest identities: one {@code users} row per guest name, with a negative id
 * (V9__guests.sql), created on the name's first visit. A guest never takes the
 * name of an account, whatever its case, so a guest cannot pass for a member,
 * nor a name an admin banned (its row deleted).
 */
@ApplicationScoped
public class Guests {

    /** Letters, digits, spaces and {@code _ . -}, 1 to 32 of them ("Anonymous", seed 002's default, fits). */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} _.-]{1,32}");

    private static final String UPSERT = """
            INSERT INTO users (id, username, roles, guest)
            SELECT nextval('guest_user_ids'), $1, '{guest}', true
             WHERE NOT EXISTS (SELECT 1 FROM users WHERE NOT guest AND lower(username) = lower($1))
            ON CONFLICT (username) WHERE guest DO UPDATE SET updated_at = now() WHERE users.deleted_at IS NULL
            RETURNING id
            """;

    private final Pool pool;

    Guests(Pool pool) {
        this.pool = pool;
    }

    /** The guest called {@code name}, created on first use; refused when the name is invalid or an account's. */
    public Uni<Caller> identify(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.isBlank()) {
            return Uni.createFrom().failure(new ChatException(ErrorCode.INVALID_FIELD,
                    "A guest name is 1 to 32 letters, digits, spaces, '_', '.' or '-'"));
        }
        return pool.preparedQuery(UPSERT).execute(Tuple.of(name)).map(rows -> {
            if (rows.rowCount() == 0 || !rows.iterator().hasNext()) {
                throw new ChatException(ErrorCode.CONFLICT, "The name " + name + " is not available; pick another");
            }
            return new Caller(rows.iterator().next().getLong(0), name, null, Set.of(Caller.GUEST), null);
        });
    }
}
