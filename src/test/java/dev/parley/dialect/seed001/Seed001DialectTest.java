package dev.parley.dialect.seed001;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.parley.dialect.seed001.Seed001Frames.assertFields;
import static dev.parley.dialect.seed001.Seed001Frames.assertNewMessage;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two seed 001 clients on {@code /ws}, sending the seed's frames as it writes
 * them: every message arrives as {@code new_message} with the seed's fields,
 * 1:1 included, and every server frame the seed names carries its fields.
 */
@QuarkusTest
class Seed001DialectTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser alice = TestUser.fresh("alice");
    final TestUser bob = TestUser.fresh("bob");

    @Test
    void aDirectChatSpeaksTheSeedsFramesOnly() {
        bob.registered();
        try (ChatClient a = ChatClient.connect(base, "/ws", alice.token());
             ChatClient b = ChatClient.connect(base, "/ws", bob.token())) {
            assertEquals(alice.id(), a.connected().get("user_id").asLong());
            assertFields(a.connected(), "user_id");

            // The seed's backend sends over REST; a 1:1 chat starts with Parley's message frame.
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "Привет!"));
            JsonNode confirmation = a.await("new_message");
            long chat = confirmation.get("chat_id").asLong();
            assertNewMessage(confirmation, chat, "Привет!", alice.id(), "text");
            JsonNode message = assertNewMessage(b.await("new_message"), chat, "Привет!", alice.id(), "text");
            long messageId = message.get("id").asLong();

            given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body(Map.of("content", "over REST"))
                    .post("/api/v1/chats/{id}/messages", chat).then().statusCode(201);
            assertNewMessage(a.await("new_message"), chat, "over REST", bob.id(), "text");

            given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("content", "Привет! (изменено)"))
                    .patch("/api/v1/messages/{id}", messageId).then().statusCode(200);
            JsonNode updated = b.await("message_updated");
            assertFields(updated, "chat_id", "message_id", "content");
            assertEquals(messageId, updated.get("message_id").asLong());
            assertEquals("Привет! (изменено)", updated.get("content").asText());

            b.send(Seed001Frames.typing(chat, true));
            JsonNode typing = a.await("typing");
            assertFields(typing, "chat_id", "user_id", "is_typing");
            assertEquals(chat, typing.get("chat_id").asLong());
            assertEquals(bob.id(), typing.get("user_id").asLong());
            assertTrue(typing.get("is_typing").asBoolean());

            b.send(Seed001Frames.readMessages(chat));
            JsonNode read = a.await("messages_read");
            assertFields(read, "chat_id", "user_id");
            assertEquals(bob.id(), read.get("user_id").asLong());

            given().auth().oauth2(alice.token()).delete("/api/v1/messages/{id}", messageId).then().statusCode(204);
            JsonNode deleted = b.await("message_deleted");
            assertFields(deleted, "chat_id", "message_id");
            assertEquals(messageId, deleted.get("message_id").asLong());

            b.send(Seed001Frames.ping());
            assertFields(b.await("pong"));
            assertTrue(a.pending("message").isEmpty() && b.pending("message").isEmpty(),
                    "no Parley message frame reaches a seed 001 client");
        }
    }

    @Test
    void aReplayAfterReconnectIsInTheDialectToo() {
        bob.registered();
        long chat;
        try (ChatClient a = ChatClient.connect(base, "/ws", alice.token())) {
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "while you were away"));
            chat = a.await("new_message").get("chat_id").asLong();
        }
        try (ChatClient b = ChatClient.connect(base, "/ws", bob.token())) {
            b.send(Map.of("type", "sync", "chats", Map.of(String.valueOf(chat), 0)));
            assertNewMessage(b.await("new_message"), chat, "while you were away", alice.id(), "text");
            assertTrue(b.await("synced").get("recovered").asBoolean());
        }
    }

    @Test
    void presenceCarriesTheSeedsFields() {
        bob.registered();
        try (ChatClient a = ChatClient.connect(base, "/ws", alice.token())) {
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "contacts now"));
            a.await("new_message");
            ChatClient b = ChatClient.connect(base, "/ws", bob.token());
            JsonNode online = a.await("user_status");
            assertFields(online, "user_id", "status");
            assertEquals("online", online.get("status").asText());
            b.close();
            JsonNode offline = a.await("user_offline");
            assertFields(offline, "user_id");
            assertEquals(bob.id(), offline.get("user_id").asLong());
        }
    }

    @Test
    void aGroupSpeaksTheSeedsFrames() {
        TestUser carol = TestUser.fresh("carol").registered();
        bob.registered();
        long chat = given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Seed 001 group", "member_ids", List.of(bob.id(), carol.id())))
                .post("/api/v1/chats").then().statusCode(201).extract().jsonPath().getLong("id");
        try (ChatClient a = ChatClient.connect(base, "/ws", alice.token());
             ChatClient b = ChatClient.connect(base, "/ws", bob.token());
             ChatClient c = ChatClient.connect(base, "/ws", carol.token())) {
            b.send(Seed001Frames.joinChat(chat));
            b.roundTrip();
            given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("content", "Hello group"))
                    .post("/api/v1/chats/{id}/messages", chat).then().statusCode(201);
            assertNewMessage(b.await("new_message"), chat, "Hello group", alice.id(), "text");
            assertNewMessage(c.await("new_message"), chat, "Hello group", alice.id(), "text");

            c.send(Seed001Frames.typing(chat, true));
            assertEquals(carol.id(), a.await("typing").get("user_id").asLong());
            assertEquals(chat, b.await("typing").get("chat_id").asLong());
            c.send(Seed001Frames.typing(chat, false));
            assertTrue(b.await("typing", frame -> !frame.get("is_typing").asBoolean()).has("chat_id"));

            c.send(Seed001Frames.readMessages(chat));
            JsonNode read = a.await("messages_read");
            assertEquals(chat, read.get("chat_id").asLong());
            assertEquals(carol.id(), read.get("user_id").asLong());

            b.send(Seed001Frames.leaveChat(chat));
            b.roundTrip();
            given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("content", "bob muted"))
                    .post("/api/v1/chats/{id}/messages", chat).then().statusCode(201);
            c.await("new_message", frame -> "bob muted".equals(frame.get("message").get("content").asText()));
            b.send(Seed001Frames.ping());
            b.await("pong");
            assertTrue(b.pending("new_message").isEmpty(), "leave_chat stops the group's events on this connection");
        }
    }

    @Test
    void statusTakesTheSeedsValues() {
        bob.registered();
        try (ChatClient a = ChatClient.connect(base, "/ws", alice.token());
             ChatClient b = ChatClient.connect(base, "/ws", bob.token())) {
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "contacts now"));
            b.await("new_message");
            for (String status : List.of("offline", "online", "away", "busy")) {
                b.send(Seed001Frames.status(status));
                JsonNode told = a.await("user_status", frame -> frame.get("user_id").asLong() == bob.id()
                        && status.equals(frame.get("status").asText()));
                assertFields(told, "user_id", "status");
            }
            b.send(Seed001Frames.status("sleeping"));
            assertEquals("invalid_field", b.await("error").get("code").asText());
        }
    }
}
