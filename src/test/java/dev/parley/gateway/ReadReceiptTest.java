package dev.parley.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReadReceiptTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    @Test
    void readingAMessageTellsItsSenderAndTheReadersOtherConnections() {
        TestUser a = TestUser.fresh("a");
        TestUser b = TestUser.fresh("b");
        try (ChatClient alice = ChatClient.connect(base, a.token());
             ChatClient bobPhone = ChatClient.connect(base, b.token());
             ChatClient bobLaptop = ChatClient.connect(base, b.token())) {
            alice.send(Map.of("type", "message", "recipient_id", b.id(), "content", "one"));
            alice.send(Map.of("type", "message", "recipient_id", b.id(), "content", "two"));
            bobPhone.await("message");
            JsonNode second = bobPhone.await("message");
            long messageId = second.get("id").asLong();

            bobPhone.send(Map.of("type", "read", "message_id", messageId));

            JsonNode receipt = alice.await("read");
            assertEquals(messageId, receipt.get("message_id").asLong());
            assertEquals(b.id(), receipt.get("reader_id").asLong());
            assertEquals(messageId, bobLaptop.await("read").get("message_id").asLong());
            bobPhone.roundTrip();
            assertTrue(bobPhone.pending("read").isEmpty(), "the reading connection knows already");
            assertEquals(2, db.count("SELECT last_read_seq FROM members WHERE conversation_id = $1 AND user_id = $2",
                    second.get("chat_id").asLong(), b.id()), "reading message 2 reads message 1 too");
        }
    }

    @Test
    void readingTheSameMessageAgainChangesNothingAndTellsNobody() {
        TestUser a = TestUser.fresh("a");
        TestUser b = TestUser.fresh("b");
        try (ChatClient alice = ChatClient.connect(base, a.token());
             ChatClient bob = ChatClient.connect(base, b.token())) {
            alice.send(Map.of("type", "message", "recipient_id", b.id(), "content", "hi"));
            long id = bob.await("message").get("id").asLong();
            bob.send(Map.of("type", "read", "message_id", id));
            alice.await("read");
            bob.send(Map.of("type", "read", "message_id", id));
            bob.roundTrip();
            alice.send(Map.of("type", "message", "recipient_id", b.id(), "content", "barrier"));
            alice.await("message");
            alice.roundTrip();
            assertTrue(alice.pending("read").isEmpty(), "no second receipt for the same watermark");
        }
    }

    @Test
    void aMessageThatIsNotYoursToReadIsRefused() {
        TestUser a = TestUser.fresh("a");
        TestUser b = TestUser.fresh("b");
        TestUser outsider = TestUser.fresh("eve");
        try (ChatClient alice = ChatClient.connect(base, a.token());
             ChatClient bob = ChatClient.connect(base, b.token());
             ChatClient eve = ChatClient.connect(base, outsider.token())) {
            alice.send(Map.of("type", "message", "recipient_id", b.id(), "content", "private"));
            JsonNode message = bob.await("message");

            eve.send(Map.of("type", "read", "message_id", message.get("id").asLong()));
            assertEquals("forbidden", eve.await("error").get("code").asText());
            eve.send(Map.of("type", "read", "message_id", Long.MAX_VALUE));
            assertEquals("not_found", eve.await("error").get("code").asText());
            assertEquals(0, db.count("SELECT count(*) FROM members WHERE user_id = $1", outsider.id()));
            eve.roundTrip();
        }
    }
}
