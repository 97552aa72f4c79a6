package dev.parley.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 004's presence with last seen, and typing that ends by itself. */
@QuarkusTest
class PresenceAndTypingTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    final TestUser alice = TestUser.fresh("alice");
    final TestUser bob = TestUser.fresh("bob");

    /** alice and bob share a direct chat, so each is the other's contact. */
    void makeContacts(ChatClient a) {
        a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "hi"));
        a.await("message");
    }

    @Test
    void contactsHearOnlineStatusAndOfflineWithLastSeen() {
        given().auth().oauth2(bob.token()).get("/api/v1/users/me").then().statusCode(200);
        try (ChatClient a = ChatClient.connect(base, alice.token())) {
            makeContacts(a);
            ChatClient b = ChatClient.connect(base, bob.token());
            JsonNode online = a.await("user_status");
            assertEquals(bob.id(), online.get("user_id").asLong());
            assertEquals("online", online.get("status").asText());
            assertEquals(bob.username(), online.get("username").asText());

            b.send(Map.of("type", "status", "status", "away"));
            JsonNode away = a.await("user_status");
            assertEquals("away", away.get("status").asText());
            assertEquals(bob.username(), away.get("username").asText());
            b.send(Map.of("type", "status", "status", "sleeping"));
            assertEquals("invalid_field", b.await("error").get("code").asText());

            b.close();
            JsonNode offline = a.await("user_offline");
            assertEquals(bob.id(), offline.get("user_id").asLong());
            Instant lastSeen = Instant.parse(offline.get("last_seen").asText());
            assertEquals(lastSeen, db.query("SELECT last_seen FROM users WHERE id = $1", bob.id()).getFirst()
                    .getOffsetDateTime(0).toInstant());
            given().auth().oauth2(alice.token()).get("/api/v1/chats").then()
                    .body("find { it.peer.id == " + bob.id() + " }.peer.last_seen", notNullValue());
        }
    }

    @Test
    void aSecondConnectionKeepsTheUserOnline() {
        given().auth().oauth2(bob.token()).get("/api/v1/users/me").then().statusCode(200);
        try (ChatClient a = ChatClient.connect(base, alice.token())) {
            makeContacts(a);
            ChatClient phone = ChatClient.connect(base, bob.token());
            a.await("user_status");
            try (ChatClient laptop = ChatClient.connect(base, bob.token())) {
                phone.close();
                laptop.roundTrip();
                a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "barrier"));
                laptop.await("message");
                a.roundTrip();
                assertTrue(a.pending("user_offline").isEmpty(), "bob is still online on his laptop");
            }
            assertEquals(bob.id(), a.await("user_offline").get("user_id").asLong());
        }
    }

    @Test
    void typingNobodyRenewsEndsAfterThreeSeconds() {
        given().auth().oauth2(bob.token()).get("/api/v1/users/me").then().statusCode(200);
        long chat = given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "pair", "member_ids", List.of(bob.id())))
                .post("/api/v1/chats").then().statusCode(201).extract().jsonPath().getLong("id");
        try (ChatClient a = ChatClient.connect(base, alice.token());
             ChatClient b = ChatClient.connect(base, bob.token())) {
            long started = System.nanoTime();
            a.send(Map.of("type", "typing", "chat_id", chat, "is_typing", true));
            a.send(Map.of("type", "typing", "chat_id", chat, "is_typing", true));
            a.send(Map.of("type", "typing", "chat_id", chat, "is_typing", true));
            JsonNode typing = b.await("typing");
            assertTrue(typing.get("is_typing").asBoolean());
            assertEquals(chat, typing.get("chat_id").asLong());

            JsonNode stopped = b.await("typing");
            assertFalse(stopped.get("is_typing").asBoolean(), "the repeats within 2 s were not forwarded");
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(elapsedMillis >= 2_500, "typing ended by itself, not early: " + elapsedMillis + " ms");
        }
    }

    @Test
    void stoppingTypingIsForwardedAtOnce() {
        try (ChatClient a = ChatClient.connect(base, alice.token());
             ChatClient b = ChatClient.connect(base, bob.token())) {
            a.send(Map.of("type", "typing", "recipient_id", bob.id()));
            assertTrue(b.await("typing").get("is_typing").asBoolean());
            a.send(Map.of("type", "typing", "recipient_id", bob.id(), "is_typing", false));
            assertFalse(b.await("typing").get("is_typing").asBoolean());
            // Past the 3 s after which an unstopped typing state would end by itself: nothing more comes.
            await().during(Duration.ofMillis(3_500)).atMost(Duration.ofSeconds(5))
                    .until(() -> b.pending("typing").isEmpty());
        }
    }
}
