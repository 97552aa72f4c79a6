package dev.parley.dialect.seed001;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static dev.parley.dialect.seed001.Seed001Frames.assertNewMessage;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seed 001 client on {@code /ws} and a Parley client on {@code /ws/chat} in one
 * direct chat: each gets the other's messages, typing, reads, status and presence
 * in its own protocol.
 */
@QuarkusTest
class CrossDialectTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser seed = TestUser.fresh("seed001");
    final TestUser parley = TestUser.fresh("parley");

    @Test
    void eachSeesTheOtherInItsOwnProtocol() {
        seed.registered();
        try (ChatClient p = ChatClient.connect(base, "/ws/chat", parley.token());
             ChatClient s = ChatClient.connect(base, "/ws", seed.token())) {
            p.send(Map.of("type", "message", "recipient_id", seed.id(), "content", "from /ws/chat",
                    "client_msg_id", "x-1"));
            JsonNode confirmation = p.await("message");
            long chat = confirmation.get("chat_id").asLong();
            JsonNode message = assertNewMessage(s.await("new_message"), chat, "from /ws/chat", parley.id(), "text");
            assertEquals(confirmation.get("id").asLong(), message.get("id").asLong());
            assertEquals(confirmation.get("seq").asLong(), message.get("seq").asLong());
            assertEquals(parley.username(), message.get("sender_username").asText());
            assertEquals("x-1", message.get("client_msg_id").asText());

            given().auth().oauth2(seed.token()).contentType(ContentType.JSON).body(Map.of("content", "from /ws"))
                    .post("/api/v1/chats/{id}/messages", chat).then().statusCode(201);
            JsonNode received = p.await("message");
            assertEquals(chat, received.get("chat_id").asLong());
            assertEquals(seed.id(), received.get("sender_id").asLong());
            assertEquals(parley.id(), received.get("recipient_id").asLong());
            assertEquals("from /ws", received.get("content").asText());
            long fromSeed = received.get("id").asLong();

            s.send(Seed001Frames.typing(chat, true));
            JsonNode typing = p.await("typing");
            assertEquals(seed.id(), typing.get("user_id").asLong());
            assertTrue(typing.get("is_typing").asBoolean());
            // Parley's clients type to a user; the seed's client places typing by chat_id.
            p.send(Map.of("type", "typing", "recipient_id", seed.id(), "is_typing", true));
            JsonNode toSeed = s.await("typing");
            assertEquals(parley.id(), toSeed.get("user_id").asLong());
            assertEquals(chat, toSeed.get("chat_id").asLong());

            s.send(Seed001Frames.readMessages(chat));
            JsonNode read = p.await("messages_read");
            assertEquals(seed.id(), read.get("user_id").asLong());
            assertEquals(chat, read.get("chat_id").asLong());
            p.send(Map.of("type", "read", "message_id", fromSeed));
            JsonNode seen = s.await("messages_read", frame -> frame.get("user_id").asLong() == parley.id());
            assertEquals(chat, seen.get("chat_id").asLong());

            s.send(Seed001Frames.status("offline"));
            assertEquals("offline", p.await("user_status", frame -> frame.get("user_id").asLong() == seed.id())
                    .get("status").asText());
            p.send(Map.of("type", "status", "status", "busy"));
            assertEquals("busy", s.await("user_status", frame -> frame.get("user_id").asLong() == parley.id())
                    .get("status").asText());
            assertTrue(s.pending("message").isEmpty(), "the seed 001 client gets no Parley message frame");
        }
    }

    @Test
    void theSeedsClientLeavingShowsAsOfflineOnTheOtherSide() {
        seed.registered();
        try (ChatClient p = ChatClient.connect(base, "/ws/chat", parley.token())) {
            p.send(Map.of("type", "message", "recipient_id", seed.id(), "content", "contacts now"));
            p.await("message");
            ChatClient s = ChatClient.connect(base, "/ws", seed.token());
            assertEquals(seed.id(), p.await("user_status").get("user_id").asLong());
            s.close();
            JsonNode offline = p.await("user_offline");
            assertEquals(seed.id(), offline.get("user_id").asLong());
            assertTrue(offline.hasNonNull("last_seen"));
        }
    }
}
