package dev.parley.search;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The search statement, on the reactive pool. The inner query finds matches on
 * the GIN index ({@code search @@ query}), keeps those in the caller's chats and
 * not deleted, ranks them and takes one page after the cursor; only that page
 * then gets its chat, sender and snippet ({@code ts_headline} is the costly part).
 * The rank is {@code ts_rank_cd} (matched words close together count more) with
 * normalisation 1, divided by 1 + log(length), so a short message that is mostly
 * the match beats a long one that mentions it; the id breaks ties.
 * The configuration ('simple') and {@code message_search_text} must stay those of
 * the V6 migration, or the index would not match the query.
 */
@ApplicationScoped
class SearchQuery {

    /** A message up to this many characters is shown whole in its snippet; a longer one in fragments. */
    private static final int SHORT = 200;
    /** U+0002/U+0003 around matches ({@link Snippet}). */
    private static final String MARKS = "StartSel=\u0002, StopSel=\u0003, ";
    private static final String WHOLE = MARKS + "HighlightAll=true";
    /** Up to two fragments of at most 24 words around the matches. */
    private static final String FRAGMENTS = MARKS
            + "MaxWords=24, MinWords=8, ShortWord=0, MaxFragments=2, FragmentDelimiter=\" … \"";

    private static final String SQL = """
            SELECT p.id, m.conversation_id, c.kind,
                   CASE WHEN c.kind = 'direct'
                        THEN (SELECT peer.username FROM members o JOIN users peer ON peer.id = o.user_id
                               WHERE o.conversation_id = c.id AND o.user_id <> $1 LIMIT 1)
                        ELSE c.name END AS chat_name,
                   m.seq, m.sender_id, u.username, m.message_type,
                   ts_headline('simple', message_search_text(m.content), websearch_to_tsquery('simple', $2),
                               CASE WHEN length(m.content) <= $7 THEN $8 ELSE $9 END) AS headline,
                   m.created_at, m.edited_at, p.rank
              FROM (SELECT hit.id, hit.rank
                      FROM (SELECT x.id, ts_rank_cd(x.search, websearch_to_tsquery('simple', $2), 1) AS rank
                              FROM messages x
                             WHERE x.search @@ websearch_to_tsquery('simple', $2)
                               AND x.deleted_at IS NULL
                               AND x.conversation_id IN (SELECT mb.conversation_id FROM members mb WHERE mb.user_id = $1)
                               AND ($3::bigint IS NULL OR x.conversation_id = $3)) hit
                     WHERE $4::real IS NULL OR (hit.rank, hit.id) < ($4::real, $5::bigint)
                     ORDER BY hit.rank DESC, hit.id DESC
                     LIMIT $6) p
              JOIN messages m ON m.id = p.id
              JOIN conversations c ON c.id = m.conversation_id
              LEFT JOIN users u ON u.id = m.sender_id
             ORDER BY p.rank DESC, p.id DESC
            """;

    private final Pool pool;

    SearchQuery(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code rows} matches for {@code userId}, best first. */
    Uni<List<SearchHit>> run(long userId, SearchRequest request, int rows) {
        SearchCursor before = request.before();
        Tuple parameters = Tuple.from(Arrays.asList(userId, request.q(), request.chatId(),
                before == null ? null : before.rank(), before == null ? null : before.id(), (long) rows, SHORT, WHOLE, FRAGMENTS));
        return pool.preparedQuery(SQL).execute(parameters).map(found -> {
            List<SearchHit> hits = new ArrayList<>(found.size());
            found.forEach(row -> hits.add(hit(row)));
            return hits;
        });
    }

    private static SearchHit hit(Row row) {
        return new SearchHit(row.getLong("id"), row.getLong("conversation_id"), row.getString("kind"),
                row.getString("chat_name"), row.getLong("seq"), row.getLong("sender_id"), row.getString("username"), row.getString("message_type"),
                Snippet.html(row.getString("headline")), instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("edited_at")), row.getFloat("rank"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
