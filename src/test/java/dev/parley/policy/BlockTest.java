package dev.parley.policy;

import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A block keeps the blocked user's messages, typing, reads and presence from the blocker, until unblocked. */
@QuarkusTest
class BlockTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser alice = TestUser.fresh("alice");
    final TestUser bob = TestUser.fresh("bob");

    @BeforeEach
    void register() {
        alice.registered();
        bob.registered();
    }

    @Test
    void theBlockedUserIsRefusedAndUnblockingUndoesIt() {
        try (ChatClient a = ChatClient.connect(base, alice.token());
             ChatClient b = ChatClient.connect(base, bob.token())) {
            b.send(Map.of("type", "message", "recipient_id", alice.id(), "content", "hi"));
            long chat = a.await("message").get("chat_id").asLong();
            long messageId = b.await("message").get("id").asLong();

            given().auth().oauth2(alice.token()).put("/api/v1/blocks/{id}", bob.id()).then().statusCode(204);
            given().auth().oauth2(alice.token()).put("/api/v1/blocks/{id}", bob.id()).then().statusCode(204);
            given().auth().oauth2(alice.token()).get("/api/v1/blocks").then().statusCode(200)
                    .body("size()", equalTo(1)).body("[0].user_id", equalTo(bob.id()));

            // bob's chat id is cached by now: the batched writer must refuse too.
            for (Map<String, Object> frame : List.<Map<String, Object>>of(
                    Map.of("type", "message", "chat_id", chat, "content", "are you there?"),
                    Map.of("type", "message", "recipient_id", alice.id(), "content", "hello?"),
                    Map.of("type", "typing", "recipient_id", alice.id(), "is_typing", true),
                    Map.of("type", "typing", "chat_id", chat, "is_typing", true),
                    Map.of("type", "read_messages", "chat_id", chat))) {
                b.send(frame);
                assertEquals("forbidden", b.await("error").get("code").asText(), frame.toString());
            }
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "one more"));
            assertTrue(a.await("error").get("message").asText().contains("unblock"));
            a.send(Map.of("type", "read", "message_id", messageId));
            assertEquals("forbidden", a.await("error").get("code").asText());

            b.send(Map.of("type", "status", "status", "away"));
            b.roundTrip();
            a.roundTrip();
            assertTrue(a.pending("message").isEmpty() && a.pending("typing").isEmpty()
                    && a.pending("user_status").isEmpty(), "nothing of bob's reached alice");

            given().auth().oauth2(alice.token()).delete("/api/v1/blocks/{id}", bob.id()).then().statusCode(204);
            b.send(Map.of("type", "message", "chat_id", chat, "content", "back again"));
            assertEquals("back again", a.await("message").get("content").asText());
        }
    }

    @Test
    void blockingNobodyOrOneselfIsABadRequest() {
        given().auth().oauth2(alice.token()).put("/api/v1/blocks/{id}", alice.id())
                .then().statusCode(400).body("code", equalTo("invalid_field"));
        given().auth().oauth2(alice.token()).put("/api/v1/blocks/{id}", TestUser.fresh("ghost").id())
                .then().statusCode(404).body("code", equalTo("not_found"));
    }
}
