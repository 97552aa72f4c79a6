package dev.parley.chat;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Stores a system message (no sender, {@code message_type = 'system'}) with its
 * chat's next seq, once per {@code idempotency_key}: the unique key makes a retry,
 * even a concurrent one, find the first attempt's message instead of a second.
 */
@ApplicationScoped
public class SystemMessageWriter {

    private static final String WRITE = """
            WITH locked AS (
                SELECT id, last_seq, last_event_seq FROM conversations WHERE id = $1 FOR UPDATE
            ), inserted AS (
                INSERT INTO messages (conversation_id, seq, event_seq, sender_id, content, message_type,
                                      idempotency_key, created_at)
                SELECT id, last_seq + 1, last_event_seq + 1, NULL, $2, 'system', $3, $4 FROM locked
                ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
                RETURNING id, seq, event_seq
            ), bumped AS (
                UPDATE conversations c SET last_seq = i.seq, last_event_seq = i.event_seq
                  FROM inserted i WHERE c.id = $1
            )
            SELECT id, seq, event_seq FROM inserted
            """;

    private final Pool pool;
    private final MessageRepository messages;
    private final ChatAccess access;

    SystemMessageWriter(Pool pool, MessageRepository messages, ChatAccess access) {
        this.pool = pool;
        this.messages = messages;
        this.access = access;
    }

    /** The stored message and its audience; {@code replay} when the key was used before. */
    public Uni<SentMessage> write(long chatId, String content, String idempotencyKey) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return pool.withTransaction(connection -> connection.preparedQuery(WRITE)
                        .execute(Tuple.of(chatId, content, idempotencyKey, now.atOffset(ZoneOffset.UTC))))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return previous(idempotencyKey);
                    }
                    Row row = rows.iterator().next();
                    Message message = Message.storedSystem(row.getLong(0), chatId, row.getLong(1), row.getLong(2),
                            content, idempotencyKey, now);
                    return withAudience(message, false);
                });
    }

    @WithSession
    Uni<SentMessage> previous(String idempotencyKey) {
        return messages.find("idempotencyKey", idempotencyKey).firstResult()
                .chain(message -> withAudience(message, true));
    }

    @WithSession
    Uni<SentMessage> withAudience(Message message, boolean replay) {
        return access.require(message.getConversationId()).chain(access::audience)
                .map(audience -> new SentMessage(message, audience, replay));
    }
}
