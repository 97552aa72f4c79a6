package dev.parley.chat;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's conversations with their last message, unread count and how far
 * the other members have received and read, newest activity first. A read model in one SQL statement, so it runs on the reactive
 * pool directly rather than through entities.
 */
@ApplicationScoped
public class ChatListing {

    private static final String SQL = """
            SELECT c.id, c.kind, c.name, c.last_seq, m.last_read_seq,
                   (SELECT count(*) FROM messages u
                     WHERE u.conversation_id = c.id AND u.seq > m.last_read_seq
                       AND u.sender_id IS DISTINCT FROM m.user_id AND u.deleted_at IS NULL) AS unread,
                   last.id AS last_id, last.seq AS last_seq_no, last.sender_id, last.message_type, last.content, last.created_at,
                   last.deleted_at IS NOT NULL AS last_deleted,
                   peer.id AS peer_id, peer.username AS peer_username, peer.avatar_url AS peer_avatar,
                   peer.last_seen AS peer_last_seen,
                   others.user_ids, others.delivered, others.read
              FROM members m
              JOIN conversations c ON c.id = m.conversation_id
              LEFT JOIN LATERAL (SELECT * FROM messages x WHERE x.conversation_id = c.id
                                  ORDER BY x.seq DESC LIMIT 1) last ON true
              LEFT JOIN LATERAL (SELECT u.* FROM members pm JOIN users u ON u.id = pm.user_id
                                  WHERE c.kind = 'direct' AND pm.conversation_id = c.id AND pm.user_id <> m.user_id
                                  LIMIT 1) peer ON true
              LEFT JOIN LATERAL (SELECT array_agg(o.user_id ORDER BY o.user_id) AS user_ids,
                                        array_agg(o.last_delivered_seq ORDER BY o.user_id) AS delivered,
                                        array_agg(o.last_read_seq ORDER BY o.user_id) AS read
                                   FROM members o
                                  WHERE c.kind <> 'room' AND o.conversation_id = c.id AND o.user_id <> m.user_id) others ON true
             WHERE m.user_id = $1
             ORDER BY coalesce(last.created_at, c.created_at) DESC, c.id DESC
            """;

    private final Pool pool;

    ChatListing(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ChatSummary>> of(long userId) {
        return pool.preparedQuery(SQL).execute(Tuple.of(userId)).map(rows -> {
            List<ChatSummary> chats = new ArrayList<>();
            rows.forEach(row -> chats.add(summary(row)));
            return chats;
        });
    }

    private static ChatSummary summary(Row row) {
        ChatSummary.LastMessage last = row.getLong("last_id") == null ? null : new ChatSummary.LastMessage(
                row.getLong("last_id"), row.getLong("last_seq_no"), row.getLong("sender_id"), row.getString("message_type"), row.getString("content"),
                instant(row.getOffsetDateTime("created_at")), row.getBoolean("last_deleted"));
        ChatSummary.Peer peer = row.getLong("peer_id") == null ? null : new ChatSummary.Peer(row.getLong("peer_id"),
                row.getString("peer_username"), row.getString("peer_avatar"),
                instant(row.getOffsetDateTime("peer_last_seen")));
        return new ChatSummary(row.getLong("id"), row.getString("kind"), row.getString("name"), row.getLong("last_seq"),
                row.getLong("last_read_seq"), row.getLong("unread"), last, peer, receipts(row));
    }

    private static List<ChatSummary.Receipts> receipts(Row row) {
        Long[] users = row.getArrayOfLongs("user_ids");
        if (users == null) {
            return List.of();
        }
        Long[] delivered = row.getArrayOfLongs("delivered");
        Long[] read = row.getArrayOfLongs("read");
        List<ChatSummary.Receipts> receipts = new ArrayList<>(users.length);
        for (int i = 0; i < users.length; i++) {
            receipts.add(new ChatSummary.Receipts(users[i], delivered[i], read[i]));
        }
        return receipts;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
