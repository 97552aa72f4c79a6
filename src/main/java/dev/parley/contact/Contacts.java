package dev.parley.contact;

import dev.parley.cluster.OnlineList;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.policy.Reach;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The people a user may message, by name: everyone under the {@code open} policy,
 * their mentorship partners and the admins under {@code mentorships} (an admin:
 * everyone), never across a block and never deleted users.
 */
@ApplicationScoped
public class Contacts {

    /** Bounds of {@code ?q=}, {@code ?limit=} and {@code ?offset=}. */
    public static final int MAX_QUERY = 100;
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final int MAX_OFFSET = 10_000;

    private static final String FIND = """
            SELECT u.id, u.username, u.avatar_url, u.roles, u.last_seen, c.id
              FROM users u
              LEFT JOIN conversations c ON c.direct_key = least($1, u.id) || ':' || greatest($1, u.id)
             WHERE u.id <> $1 AND u.deleted_at IS NULL
               AND ($2::text IS NULL OR u.username ILIKE '%' || $2 || '%' ESCAPE '\\')
               AND parley_may_reach($1, u.id, $3)
             ORDER BY lower(u.username), u.id
             LIMIT $4 OFFSET $5
            """;

    private final Pool pool;
    private final Reach reach;
    private final OnlineList online;

    Contacts(Pool pool, Reach reach, OnlineList online) {
        this.pool = pool;
        this.reach = reach;
        this.online = online;
    }

    /** Contacts of {@code userId} whose name contains {@code query} (any case), by name. */
    public Uni<List<Contact>> find(long userId, String query, Integer limit, Integer offset) {
        String pattern = pattern(query);
        int size = bounded("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int skip = bounded("offset", offset, 0, 0, MAX_OFFSET);
        return pool.preparedQuery(FIND).execute(Tuple.of(userId, pattern, reach.mentorshipsOnly(), size, skip))
                .map(rows -> {
                    List<Contact> contacts = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        contacts.add(contact(row));
                    }
                    return contacts;
                });
    }

    private Contact contact(Row row) {
        long id = row.getLong(0);
        OffsetDateTime lastSeen = row.getOffsetDateTime(4);
        return new Contact(id, row.getString(1), row.getString(2), Arrays.asList(row.getArrayOfStrings(3)),
                online.isOnline(id) ? "online" : "offline", lastSeen == null ? null : lastSeen.toInstant(),
                row.getLong(5));
    }

    /** The search text with LIKE's wildcards escaped; null for no filter. */
    private static String pattern(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String text = query.strip();
        if (text.length() > MAX_QUERY) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "q is at most " + MAX_QUERY + " characters");
        }
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static int bounded(String name, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new ChatException(ErrorCode.INVALID_FIELD, name + " must be between " + min + " and " + max);
        }
        return value;
    }
}
