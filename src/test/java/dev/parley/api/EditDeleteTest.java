package dev.parley.api;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Edits and deletes over REST are seen live by members and not by outsiders. */
@QuarkusTest
class EditDeleteTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser alice = TestUser.fresh("alice");
    final TestUser bob = TestUser.fresh("bob");
    final TestUser eve = TestUser.fresh("eve");

    @Test
    void senderEditsAndDeletesAndMembersSeeItLive() {
        try (ChatClient a = ChatClient.connect(base, alice.token());
             ChatClient b = ChatClient.connect(base, bob.token());
             ChatClient e = ChatClient.connect(base, eve.token())) {
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "helo"));
            JsonNode sent = b.await("message");
            long id = sent.get("id").asLong();
            long chat = sent.get("chat_id").asLong();

            given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("content", "hello"))
                    .patch("/api/v1/messages/{id}", id)
                    .then().statusCode(200).body("content", equalTo("hello")).body("edited_at", notNullValue());
            JsonNode updated = b.await("message_updated");
            assertEquals(chat, updated.get("chat_id").asLong());
            assertEquals(id, updated.get("message_id").asLong());
            assertEquals("hello", updated.get("content").asText());
            assertEquals(id, a.await("message_updated").get("message_id").asLong(), "the sender's page updates too");

            given().auth().oauth2(alice.token()).delete("/api/v1/messages/{id}", id).then().statusCode(204);
            JsonNode deleted = b.await("message_deleted");
            assertEquals(id, deleted.get("message_id").asLong());
            assertEquals(chat, deleted.get("chat_id").asLong());

            given().auth().oauth2(bob.token()).get("/api/v1/conversations/{user}/messages", alice.id())
                    .then().body("messages[0].id", equalTo((int) id))
                    .body("messages[0].deleted", equalTo(true))
                    .body("messages[0].content", nullValue())
                    .body("messages[0].seq", equalTo(1));

            a.send(Map.of("type", "message", "recipient_id", eve.id(), "content", "barrier"));
            e.await("message");
            assertTrue(e.pending("message_updated").isEmpty() && e.pending("message_deleted").isEmpty(),
                    "outsiders see neither edits nor deletes");
        }
    }

    @Test
    void onlyTheSenderOrAnAdminChangesAMessage() {
        try (ChatClient a = ChatClient.connect(base, alice.token());
             ChatClient b = ChatClient.connect(base, bob.token())) {
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "mine"));
            long id = b.await("message").get("id").asLong();

            given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body(Map.of("content", "yours now"))
                    .patch("/api/v1/messages/{id}", id).then().statusCode(403).body("code", equalTo("forbidden"));
            given().auth().oauth2(bob.token()).delete("/api/v1/messages/{id}", id).then().statusCode(403);
            given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("content", " "))
                    .patch("/api/v1/messages/{id}", id).then().statusCode(400).body("code", equalTo("empty_content"));

            TestUser admin = TestUser.fresh("admin");
            given().auth().oauth2(admin.token("admin")).delete("/api/v1/messages/{id}", id).then().statusCode(204);
            assertEquals(id, a.await("message_deleted").get("message_id").asLong());
            given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("content", "again"))
                    .patch("/api/v1/messages/{id}", id).then().statusCode(404);
        }
        given().auth().oauth2(alice.token()).delete("/api/v1/messages/{id}", Long.MAX_VALUE).then().statusCode(404);
    }
}
