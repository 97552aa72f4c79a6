package dev.parley.webhook;

import dev.parley.support.TestUser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the trigger writes, seen inside the inserting transaction and rolled back,
 * so no dispatcher sends or removes anything meanwhile: one event of each type per
 * recipient, never for the sender or a room, every member for a message without a
 * sender, and nothing at all while webhooks are off.
 */
@QuarkusTest
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxTriggerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Test
    void oneEventOfEachTypePerMemberButTheSender() {
        long sender = TestUser.fresh("s").id();
        long member = TestUser.fresh("m").id();
        List<String> events = inRolledBackTransaction(db -> {
            long chat = chat(db, "group", sender, member);
            return outbox(db, message(db, chat, sender));
        });
        assertEquals(List.of(member + " message.created", member + " message.unread"), events);
    }

    @Test
    void roomMessagesMakeNoEvents() {
        long sender = TestUser.fresh("s").id();
        long member = TestUser.fresh("m").id();
        List<String> events = inRolledBackTransaction(db -> {
            long room = chat(db, "room", sender, member);
            return outbox(db, message(db, room, sender));
        });
        assertEquals(List.of(), events);
    }

    @Test
    void aMessageWithoutSenderIsForEveryMember() {
        long first = TestUser.fresh("a").id();
        long second = TestUser.fresh("b").id();
        List<String> events = inRolledBackTransaction(db -> {
            // A system message has no sender.
            long chat = chat(db, "group", first, second);
            return outbox(db, message(db, chat, null));
        });
        assertEquals(List.of(first + " message.created", first + " message.unread",
                second + " message.created", second + " message.unread"), events);
    }

    @Test
    void nothingIsWrittenWhileWebhooksAreOff() {
        long sender = TestUser.fresh("s").id();
        long member = TestUser.fresh("m").id();
        List<String> events = inRolledBackTransaction(db -> {
            run(db, "UPDATE webhook_settings SET enabled = FALSE");
            long chat = chat(db, "group", sender, member);
            return outbox(db, message(db, chat, sender));
        });
        assertEquals(List.of(), events);
    }

    private <T> T inRolledBackTransaction(Function<SqlConnection, T> work) {
        SqlConnection db = pool.getConnection().await().atMost(WAIT);
        try {
            Transaction transaction = db.begin().await().atMost(WAIT);
            try {
                return work.apply(db);
            } finally {
                transaction.rollback().await().atMost(WAIT);
            }
        } finally {
            db.close().await().atMost(WAIT);
        }
    }

    /** A conversation of this kind whose members are these (new) users. */
    private static long chat(SqlConnection db, String kind, long... members) {
        for (long member : members) {
            run(db, "INSERT INTO users (id, username) VALUES ($1, $2)", member, "u" + member);
        }
        long chat = db.preparedQuery("INSERT INTO conversations (kind, name, direct_key) VALUES ($1, $2, NULL) RETURNING id")
                .execute(Tuple.of(kind, kind + System.nanoTime())).await().atMost(WAIT).iterator().next().getLong(0);
        for (long member : members) {
            run(db, "INSERT INTO members (conversation_id, user_id) VALUES ($1, $2)", chat, member);
        }
        return chat;
    }

    private static long message(SqlConnection db, long chat, Long sender) {
        return db.preparedQuery("INSERT INTO messages (conversation_id, seq, sender_id, content, created_at, message_type)"
                        + " VALUES ($1, 1, $2, 'hello', now(), CASE WHEN $2::bigint IS NULL THEN 'system' ELSE 'text' END)"
                        + " RETURNING id")
                .execute(Tuple.of(chat, sender)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    /** "recipient type" of the message's events, ordered. */
    private static List<String> outbox(SqlConnection db, long message) {
        List<String> events = new ArrayList<>();
        db.preparedQuery("SELECT user_id, type FROM webhook_events WHERE message_id = $1 ORDER BY user_id, type")
                .execute(Tuple.of(message)).await().atMost(WAIT)
                .forEach(row -> events.add(row.getLong(0) + " " + row.getString(1)));
        return events;
    }

    private static void run(SqlConnection db, String sql, Object... params) {
        db.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(WAIT);
    }
}
