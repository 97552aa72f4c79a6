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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MessagingTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    @Test
    void messageReachesRecipientAndConfirmsToSenderAfterCommit() {
        TestUser mentor = TestUser.fresh("mentor_bob");
        TestUser student = TestUser.fresh("john_doe");
        try (ChatClient bob = ChatClient.connect(base, mentor.token());
             ChatClient john = ChatClient.connect(base, student.token())) {
            bob.send(Map.of("type", "message", "recipient_id", student.id(), "content", "Hello! How are you?"));

            JsonNode received = john.await("message");
            JsonNode confirmation = bob.await("message");
            assertEquals(received, confirmation, "sender and recipient see the same message");
            assertEquals(mentor.id(), received.get("sender_id").asLong());
            assertEquals(mentor.username(), received.get("sender_username").asText());
            assertEquals("https://avatars.test/" + mentor.id() + ".png", received.get("sender_avatar").asText());
            assertEquals(student.id(), received.get("recipient_id").asLong());
            assertEquals("Hello! How are you?", received.get("content").asText());
            assertEquals(1, received.get("seq").asLong());
            assertTrue(received.get("timestamp").asText().endsWith("Z"), "timestamps are UTC");
            assertFalse(received.has("client_msg_id"), "no client_msg_id was given");

            long id = received.get("id").asLong();
            assertEquals(1, db.count("SELECT count(*) FROM messages WHERE id = $1 AND sender_id = $2 AND content = $3",
                    id, mentor.id(), "Hello! How are you?"), "confirmed means stored");
        }
    }

    @Test
    void replyGoesBackTheOtherWayWithTheNextSeq() {
        TestUser a = TestUser.fresh("a");
        TestUser b = TestUser.fresh("b");
        try (ChatClient alice = ChatClient.connect(base, a.token());
             ChatClient bob = ChatClient.connect(base, b.token())) {
            alice.send(Map.of("type", "message", "recipient_id", b.id(), "content", "first"));
            long chat = bob.await("message").get("chat_id").asLong();
            bob.send(Map.of("type", "message", "recipient_id", a.id(), "content", "second"));
            JsonNode reply = alice.await("message", frame -> frame.get("content").asText().equals("second"));
            assertEquals(chat, reply.get("chat_id").asLong(), "one conversation per pair, whoever starts it");
            assertEquals(2, reply.get("seq").asLong());
        }
    }

    @Test
    void everyConnectionOfBothUsersGetsTheMessageOnceAndOutsidersNone() {
        TestUser a = TestUser.fresh("a");
        TestUser b = TestUser.fresh("b");
        TestUser c = TestUser.fresh("c");
        try (ChatClient aliceLaptop = ChatClient.connect(base, a.token());
             ChatClient alicePhone = ChatClient.connectWithHeader(base, a.token());
             ChatClient bobTab1 = ChatClient.connect(base, b.token());
             ChatClient bobTab2 = ChatClient.connect(base, b.token());
             ChatClient carol = ChatClient.connect(base, c.token())) {
            aliceLaptop.send(Map.of("type", "message", "recipient_id", b.id(), "content", "to bob"));

            for (ChatClient client : new ChatClient[]{aliceLaptop, alicePhone, bobTab1, bobTab2}) {
                assertEquals("to bob", client.await("message").get("content").asText());
            }
            // A later message to carol arrives after anything wrongly sent to her before.
            bobTab1.send(Map.of("type", "message", "recipient_id", c.id(), "content", "barrier"));
            assertEquals("barrier", carol.await("message").get("content").asText());
            assertTrue(carol.pending("message").isEmpty(), "carol saw nothing of alice and bob's chat");
            aliceLaptop.roundTrip();
            assertTrue(aliceLaptop.pending("message").isEmpty(), "the sending connection got one confirmation");
        }
    }

    @Test
    void retryWithTheSameClientMsgIdReturnsTheOriginalAndCreatesNothing() {
        TestUser a = TestUser.fresh("a");
        TestUser b = TestUser.fresh("b");
        try (ChatClient alice = ChatClient.connect(base, a.token());
             ChatClient bob = ChatClient.connect(base, b.token())) {
            Map<String, Object> frame = Map.of("type", "message", "recipient_id", b.id(), "content", "once",
                    "client_msg_id", "retry-1");
            alice.send(frame);
            JsonNode original = alice.await("message");
            assertEquals("retry-1", original.get("client_msg_id").asText());
            alice.send(frame);
            JsonNode retried = alice.await("message");

            assertEquals(original.get("id"), retried.get("id"));
            assertEquals(original.get("seq"), retried.get("seq"));
            assertEquals(1, db.count("SELECT count(*) FROM messages WHERE sender_id = $1", a.id()));
            bob.await("message");
            bob.roundTrip();
            assertTrue(bob.pending("message").isEmpty(), "the recipient got the message once");
        }
    }

    @Test
    void messagesFromOneConnectionAreStoredAndDeliveredInTheOrderSent() {
        TestUser a = TestUser.fresh("a");
        TestUser b = TestUser.fresh("b");
        try (ChatClient alice = ChatClient.connect(base, a.token());
             ChatClient bob = ChatClient.connect(base, b.token())) {
            // Frames with a client_msg_id take an extra query, so without per-connection
            // ordering the ones without it would overtake them.
            for (int i = 1; i <= 30; i++) {
                alice.send(i % 2 == 1
                        ? Map.of("type", "message", "recipient_id", b.id(), "content", "m" + i, "client_msg_id", "o" + i)
                        : Map.of("type", "message", "recipient_id", b.id(), "content", "m" + i));
            }
            for (int i = 1; i <= 30; i++) {
                JsonNode received = bob.await("message");
                assertEquals("m" + i, received.get("content").asText(), "arrival order");
                assertEquals(i, received.get("seq").asLong(), "seq follows the order sent");
            }
        }
    }

    @Test
    void messagesToAUserWhoIsOfflineWaitInHistory() {
        TestUser a = TestUser.fresh("a");
        TestUser b = TestUser.fresh("b");
        try (ChatClient bob = ChatClient.connect(base, b.token())) {
            bob.roundTrip(); // bob is known to the service from now on
        }
        try (ChatClient alice = ChatClient.connect(base, a.token())) {
            alice.send(Map.of("type", "message", "recipient_id", b.id(), "content", "while you were away"));
            alice.await("message");
        }
        assertEquals(1, db.count("SELECT count(*) FROM messages m JOIN members mb ON mb.conversation_id = "
                + "m.conversation_id WHERE mb.user_id = $1 AND m.content = $2", b.id(), "while you were away"));
    }
}
