package dev.parley.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that reconnects says what it last saw and gets what it missed, edits and deletes included. */
@QuarkusTest
class SyncTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser alice = TestUser.fresh("alice");
    final TestUser bob = TestUser.fresh("bob");

    @Test
    void reconnectingClientRecoversMessagesEditsAndDeletesInOrder() {
        long chat;
        long first;
        try (ChatClient a = ChatClient.connect(base, alice.token())) {
            try (ChatClient b = ChatClient.connect(base, bob.token())) {
                a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "one"));
                a.await("message");
                JsonNode seen = b.await("message");
                chat = seen.get("chat_id").asLong();
                first = seen.get("id").asLong();
            }
            // bob is away: two more messages, an edit of the first, a delete of the second
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "two"));
            long second = a.await("message").get("id").asLong();
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "three"));
            a.await("message");
            given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("content", "one, edited"))
                    .patch("/api/v1/messages/{id}", first).then().statusCode(200);
            given().auth().oauth2(alice.token()).delete("/api/v1/messages/{id}", second).then().statusCode(204);

            try (ChatClient b = ChatClient.connect(base, bob.token())) {
                b.send(Map.of("type", "sync", "chats", Map.of(String.valueOf(chat), 1)));
                JsonNode two = b.await("message");
                assertEquals(2, two.get("seq").asLong());
                assertFalse(two.has("content"), "a deleted message keeps its place but not its content");
                assertEquals(second, b.await("message_deleted").get("message_id").asLong());
                assertEquals("three", b.await("message").get("content").asText());
                JsonNode edit = b.await("message_updated");
                assertEquals(first, edit.get("message_id").asLong());
                assertEquals("one, edited", edit.get("content").asText());
                JsonNode synced = b.await("synced");
                assertEquals(chat, synced.get("chat_id").asLong());
                assertTrue(synced.get("recovered").asBoolean());
                assertEquals(3, synced.get("last_seq").asLong());
                // The other members' positions come along, so receipts survive a reconnect (bob wrote nothing).
                JsonNode receipts = synced.get("receipts");
                assertEquals(1, receipts.size(), "the other member only: " + receipts);
                assertEquals(alice.id(), receipts.get(0).get("user_id").asLong());
                assertEquals(0, receipts.get(0).get("last_read_seq").asLong());

                a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "live again"));
                assertEquals(4, b.await("message").get("seq").asLong(), "live traffic follows the replay");
                b.roundTrip();
                assertTrue(b.pending("message").isEmpty(), "nothing twice");
            }
        }
    }

    @Test
    void syncingSomeoneElsesChatIsRefusedAndTheRestStillReplays() {
        TestUser eve = TestUser.fresh("eve");
        try (ChatClient a = ChatClient.connect(base, alice.token());
             ChatClient b = ChatClient.connect(base, bob.token());
             ChatClient e = ChatClient.connect(base, eve.token())) {
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "private"));
            long chat = b.await("message").get("chat_id").asLong();
            e.send(Map.of("type", "sync", "chats", Map.of(String.valueOf(chat), 0)));
            assertEquals("forbidden", e.await("error").get("code").asText());
            e.roundTrip();
            assertTrue(e.pending("message").isEmpty());

            b.send(Map.of("type", "sync", "chats", Map.of(String.valueOf(chat), 0, "999999999999", 0)));
            assertEquals("private", b.await("message").get("content").asText());
            assertEquals("not_found", b.await("error").get("code").asText());
            assertTrue(b.await("synced").get("recovered").asBoolean());
        }
    }
}
