package dev.parley.limits;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.RawWebSocket;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each abuse limit, at its default, with what the abuser sees and what is stored. */
@QuarkusTest
@TestProfile(LimitsTest.DefaultLimits.class)
class LimitsTest {

    /** The production defaults, which the test profile otherwise raises for the other tests. */
    public static class DefaultLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.limits.messages-per-minute", "100", "parley.limits.message-burst", "20",
                    "parley.limits.frames-per-second", "20", "parley.limits.frame-burst", "40");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    final TestUser spammer = TestUser.fresh("spammer");
    final TestUser target = TestUser.fresh("target");

    @Test
    void theTwentyFirstMessageOfABurstIsRateLimitedAcrossConnections() {
        given().auth().oauth2(target.token()).get("/api/v1/users/me").then().statusCode(200);
        try (ChatClient phone = ChatClient.connect(base, spammer.token());
             ChatClient laptop = ChatClient.connect(base, spammer.token())) {
            for (int i = 0; i < 25; i++) {
                (i % 2 == 0 ? phone : laptop).send(Map.of("type", "message", "recipient_id", target.id(),
                        "content", "m" + i));
            }
            phone.roundTrip();
            laptop.roundTrip();
            List<JsonNode> refused = new ArrayList<>(phone.pending("error"));
            refused.addAll(laptop.pending("error"));
            assertTrue(refused.size() >= 3, "25 sent at once, 20 in the burst: " + refused.size() + " refused");
            JsonNode limited = refused.getFirst();
            assertEquals("rate_limited", limited.get("code").asText());
            assertTrue(limited.get("retry_after_ms").asLong() > 0);
            assertEquals(25 - refused.size(), db.count("SELECT count(*) FROM messages WHERE sender_id = $1",
                    spammer.id()), "nothing stored over the limit");
            assertTrue(laptop.isOpen(), "a limited client stays connected");
        }
    }

    @Test
    void restSendsShareTheBudgetAndAnswer429() {
        given().auth().oauth2(target.token()).get("/api/v1/users/me").then().statusCode(200);
        long chat = given().auth().oauth2(spammer.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "spam", "member_ids", List.of(target.id())))
                .post("/api/v1/chats").then().statusCode(201).extract().jsonPath().getLong("id");
        // 20 at once, plus the few the bucket refills (one per 600 ms) while they are sent.
        int accepted = 0;
        io.restassured.response.Response answer;
        do {
            answer = given().auth().oauth2(spammer.token()).contentType(ContentType.JSON)
                    .body(Map.of("content", "r" + accepted)).post("/api/v1/chats/{id}/messages", chat);
            if (answer.statusCode() == 201) {
                accepted++;
            }
        } while (answer.statusCode() == 201 && accepted < 40);
        answer.then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("rate_limited"));
        assertTrue(accepted >= 20 && accepted < 30, accepted + " accepted");
        assertEquals(accepted, db.count("SELECT count(*) FROM messages WHERE sender_id = $1", spammer.id()));
    }

    @Test
    void typingIsNotCountedAsMessages() {
        given().auth().oauth2(target.token()).get("/api/v1/users/me").then().statusCode(200);
        try (ChatClient client = ChatClient.connect(base, spammer.token())) {
            for (int i = 0; i < 25; i++) {
                client.send(Map.of("type", "typing", "recipient_id", target.id()));
            }
            client.send(Map.of("type", "message", "recipient_id", target.id(), "content", "still allowed"));
            assertEquals("still allowed", client.await("message").get("content").asText());
        }
    }

    @Test
    void aFloodingConnectionIsClosedWith1008() {
        try (ChatClient client = ChatClient.connect(base, spammer.token())) {
            for (int i = 0; i < 100 && client.isOpen(); i++) {
                client.send("{\"type\":\"ping\"}");
            }
            assertEquals(1008, client.awaitClose().getCode());
        }
    }

    @Test
    void theEleventhConnectionClosesTheOldestWith4002() {
        List<ChatClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 11; i++) {
                clients.add(ChatClient.connect(base, spammer.token()));
            }
            var reason = clients.getFirst().awaitClose();
            assertEquals(4002, reason.getCode());
            assertEquals("too many connections", reason.getMessage());
            clients.getLast().roundTrip();
            assertTrue(clients.get(1).isOpen(), "only the oldest is closed");
        } finally {
            clients.forEach(ChatClient::close);
        }
    }

    @Test
    void binaryFramesAreRefusedWith1003() {
        try (ChatClient client = ChatClient.connect(base, spammer.token())) {
            client.sendBinary(new byte[]{1, 2, 3});
            assertEquals(1003, client.awaitClose().getCode());
        }
    }

    /** What a browser sends for a large message: one frame, not fragments. */
    @Test
    void oneUnfragmentedFrameOver64KibIsRefusedWith1009() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(base, "/ws/chat?token=" + spammer.token())) {
            raw.sendOneFrame("{\"type\":\"message\",\"recipient_id\":1,\"content\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals(1009, raw.awaitCloseCode(), "a close frame with 1009, not a dropped connection");
        }
    }

    @Test
    void aFragmentedMessageOver64KibIsRefusedWith1009() {
        try (ChatClient client = ChatClient.connect(base, spammer.token())) {
            client.send("{\"type\":\"message\",\"recipient_id\":1,\"content\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals(1009, client.awaitClose().getCode());
        }
    }

    @Test
    void deeplyNestedJsonIsAnErrorNotACrash() {
        try (ChatClient client = ChatClient.connect(base, spammer.token())) {
            client.send("{\"type\":\"ping\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
            assertEquals("invalid_json", client.await("error").get("code").asText());
            client.roundTrip();
        }
    }
}
