package dev.parley.chat;

import dev.parley.batch.Batcher;
import dev.parley.policy.Reach;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Stores messages in batches, one statement per batch ({@link Batcher}): under
 * load the database sees one round trip and one commit for many messages, and
 * when idle a message is written at once.
 *
 * <p>The statement keeps the rules of a single send: it stores only messages whose
 * sender is a member of the chat, may reach the other member of a direct chat
 * ({@code parley_may_reach}) and whose {@code client_msg_id} is new; it takes
 * the chats' row locks in id order (so concurrent batches cannot deadlock), numbers
 * each chat's messages after its {@code last_seq} in arrival order, and returns each
 * stored message with its chat's audience. A draft it did not store completes
 * with null: the caller then takes the one-by-one path, which tells a retry from a
 * refusal.
 */
@ApplicationScoped
class MessageWriter {

    private static final String WRITE = """
            WITH input AS (
                SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::timestamptz[])
                    WITH ORDINALITY AS t(conversation_id, sender_id, content, client_msg_id, created_at, ord)
            ), fresh AS (
                SELECT i.* FROM input i
                 WHERE EXISTS (SELECT 1 FROM members m WHERE m.conversation_id = i.conversation_id AND m.user_id = i.sender_id)
                   AND NOT EXISTS (SELECT 1 FROM messages x WHERE x.sender_id = i.sender_id AND x.client_msg_id = i.client_msg_id)
                   AND NOT EXISTS (SELECT 1 FROM conversations c JOIN members o ON o.conversation_id = c.id
                                    WHERE c.id = i.conversation_id AND c.kind = 'direct' AND o.user_id <> i.sender_id
                                      AND NOT parley_may_reach(i.sender_id, o.user_id, $6))
            ), locked AS (
                SELECT c.id, c.kind, c.created_at, c.last_seq, c.last_event_seq FROM conversations c
                 WHERE c.id IN (SELECT conversation_id FROM fresh) ORDER BY c.id FOR UPDATE
            ), numbered AS (
                SELECT f.*, row_number() OVER (PARTITION BY f.conversation_id ORDER BY f.ord) AS k FROM fresh f
            ), inserted AS (
                INSERT INTO messages (conversation_id, seq, event_seq, sender_id, content, client_msg_id, created_at)
                SELECT n.conversation_id, l.last_seq + n.k, l.last_event_seq + n.k, n.sender_id, n.content,
                       n.client_msg_id, n.created_at
                  FROM numbered n JOIN locked l ON l.id = n.conversation_id
                RETURNING id, conversation_id, seq, event_seq
            ), bumped AS (
                UPDATE conversations c SET last_seq = b.seq, last_event_seq = b.event_seq
                  FROM (SELECT conversation_id, max(seq) AS seq, max(event_seq) AS event_seq
                          FROM inserted GROUP BY conversation_id) b
                 WHERE c.id = b.conversation_id
            )
            SELECT n.ord, i.id, i.seq, i.event_seq, l.kind, l.created_at,
                   CASE WHEN l.kind <> 'room' THEN (SELECT array_agg(m.user_id ORDER BY m.user_id)
                                                      FROM members m WHERE m.conversation_id = i.conversation_id) END
              FROM inserted i
              JOIN locked l ON l.id = i.conversation_id
              JOIN numbered n ON n.conversation_id = i.conversation_id AND n.k = i.seq - l.last_seq
            """;
    /** A unique violation or a lock conflict: the one-by-one path sorts these out. */
    private static final Set<String> RETRY_ALONE = Set.of("23505", "40001", "40P01");

    private final Pool pool;
    private final Batcher<Draft, SentMessage> batcher;
    private final boolean mentorshipsOnly;

    MessageWriter(Pool pool, ChatConfig config, Reach reach) {
        this.pool = pool;
        this.mentorshipsOnly = reach.mentorshipsOnly();
        this.batcher = new Batcher<>(config.writeBatchSize(), this::store);
    }

    /** A message to store in chat {@code chatId}. */
    record Draft(long chatId, long senderId, String content, String clientMsgId, Instant createdAt) {
    }

    /**
     * Stores the draft once committed; null when it was not stored because the
     * sender is not a member, may not reach the other member of a direct chat, or
     * already used its {@code client_msg_id}.
     */
    Uni<SentMessage> write(Draft draft) {
        return batcher.submit(draft);
    }

    private Uni<List<SentMessage>> store(List<Draft> drafts) {
        // A second draft with a client_msg_id already in this batch is left to the
        // one-by-one path, which then finds the first one stored.
        Set<String> clientIds = new HashSet<>();
        List<Draft> batch = drafts.stream().map(draft -> draft.clientMsgId() == null
                || clientIds.add(draft.senderId() + ":" + draft.clientMsgId()) ? draft : null).toList();
        return pool.preparedQuery(WRITE).execute(parameters(batch.stream().filter(Objects::nonNull).toList(), mentorshipsOnly))
                .map(rows -> stored(batch, rows))
                .onFailure(failure -> failure instanceof PgException pg && RETRY_ALONE.contains(pg.getSqlState()))
                .recoverWithItem(() -> Arrays.asList(new SentMessage[drafts.size()]));
    }

    /** The stored messages in the drafts' order; null where a draft was not stored (or not sent). */
    private static List<SentMessage> stored(List<Draft> batch, RowSet<Row> rows) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) != null) {
                positions.add(i);
            }
        }
        SentMessage[] stored = new SentMessage[batch.size()];
        for (Row row : rows) {
            int index = positions.get(row.getLong(0).intValue() - 1);
            Draft draft = batch.get(index);
            ConversationKind kind = ConversationKind.valueOf(row.getString(4).toUpperCase());
            Long[] members = row.getArrayOfLongs(6);
            Message message = Message.stored(row.getLong(1), draft.chatId(), row.getLong(2), row.getLong(3),
                    draft.senderId(), draft.content(), draft.clientMsgId(), draft.createdAt());
            Audience audience = new Audience(draft.chatId(), kind, members == null ? List.of() : Arrays.asList(members),
                    Audience.orderKey(draft.chatId(), row.getOffsetDateTime(5).toInstant()));
            stored[index] = new SentMessage(message, audience, false);
        }
        return Arrays.asList(stored);
    }

    private static Tuple parameters(List<Draft> batch, boolean mentorshipsOnly) {
        int size = batch.size();
        Long[] chats = new Long[size];
        Long[] senders = new Long[size];
        String[] contents = new String[size];
        String[] clientIds = new String[size];
        OffsetDateTime[] createdAt = new OffsetDateTime[size];
        for (int i = 0; i < size; i++) {
            Draft draft = batch.get(i);
            chats[i] = draft.chatId();
            senders[i] = draft.senderId();
            contents[i] = draft.content();
            clientIds[i] = draft.clientMsgId();
            createdAt[i] = draft.createdAt().atOffset(ZoneOffset.UTC);
        }
        return Tuple.of(chats, senders, contents, clientIds, createdAt, mentorshipsOnly);
    }
}
