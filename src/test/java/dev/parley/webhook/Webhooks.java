package dev.parley.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** What the webhook tests do over and over: register users, send, match events, check signatures. */
final class Webhooks {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    private Webhooks() {
    }

    /** The user exists in the database from now on (a first REST call records them). */
    static TestUser registered(String name) {
        TestUser user = TestUser.fresh(name);
        given().auth().oauth2(user.token()).get("/api/v1/users/me").then().statusCode(200);
        return user;
    }

    /** Sends a direct message over WebSocket and returns the sender's confirmation ({@code id}, {@code chat_id}, ...). */
    static JsonNode send(URI base, TestUser from, TestUser to, String content) {
        try (ChatClient sender = ChatClient.connect(base, from.token())) {
            sender.send(Map.of("type", "message", "recipient_id", to.id(), "content", content));
            return sender.await("message");
        }
    }

    static Predicate<JsonNode> event(String type, long messageId, TestUser recipient) {
        return event -> event.path("type").asText().equals(type)
                && event.path("data").path("message_id").asLong() == messageId
                && event.path("data").path("user_id").asLong() == recipient.id();
    }

    static Predicate<JsonNode> anyFor(String type, TestUser recipient) {
        return event -> event.path("type").asText().equals(type)
                && event.path("data").path("user_id").asLong() == recipient.id();
    }

    /** Waits until the outbox holds no event of this type for the message: each was sent or dropped. */
    static void awaitResolved(Database db, String type, long messageId) {
        await().atMost(PATIENCE).until(() -> db.count(
                "SELECT count(*) FROM webhook_events WHERE message_id = $1 AND type = $2", messageId, type) == 0);
    }

    /** The signature computed here, apart from the service's code, from the secret and the raw body. */
    static String expectedSignature(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WebhookReceiver.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
