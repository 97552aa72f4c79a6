package dev.parley.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.parley.webhook.Webhooks.PATIENCE;
import static dev.parley.webhook.Webhooks.anyFor;
import static dev.parley.webhook.Webhooks.registered;
import static dev.parley.webhook.Webhooks.send;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failed attempts come back with the same event; after the last (3 here) it is a dead letter admins replay. */
@QuarkusTest
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RetryAndDeadLetterTest {

    private static final String DEAD_LETTERS = "/api/v1/webhooks/dead-letters";

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    WebhookReceiver receiver;

    @Test
    void failedAttemptsAreRetriedWithTheSameEventAndBody() throws Exception {
        TestUser alice = registered("alice");
        TestUser bob = registered("bob");
        double failed = metric("parley_webhook_events_failed_total");
        receiver.failNext(2, anyFor("message.created", bob));
        send(base, alice, bob, "third time lucky");

        await().atMost(PATIENCE).until(() -> receiver.received(anyFor("message.created", bob)).stream()
                .anyMatch(WebhookReceiver.Received::delivered));
        List<WebhookReceiver.Received> attempts = receiver.received(anyFor("message.created", bob));
        assertEquals(List.of(503, 503, 200), attempts.stream().map(WebhookReceiver.Received::status).toList());
        for (WebhookReceiver.Received attempt : attempts) {
            assertArrayEquals(attempts.getFirst().body(), attempt.body(), "the same event, byte for byte");
            assertEquals(Webhooks.expectedSignature(attempt.body()), attempt.header("X-Parley-Signature"));
        }
        assertTrue(metric("parley_webhook_events_failed_total") >= failed + 2);
    }

    @Test
    void afterTheLastAttemptAnEventIsADeadLetterThatAnAdminCanReplay() {
        TestUser alice = registered("alice");
        TestUser carol = registered("carol");
        String admin = TestUser.fresh("admin").token("admin");
        double dead = metric("parley_webhook_events_dead_lettered_total");
        receiver.failNext(3, anyFor("message.created", carol));
        long messageId = send(base, alice, carol, "nobody home").get("id").asLong();

        await().atMost(PATIENCE).until(() -> db.count("SELECT count(*) FROM webhook_events WHERE message_id = $1"
                + " AND type = 'message.created' AND dead_at IS NOT NULL", messageId) == 1);
        String id = receiver.received(anyFor("message.created", carol)).getFirst().event().get("id").asText();
        JsonPath letter = deadLetter(admin, id);
        assertEquals("message.created", letter.getString("type"));
        assertEquals(carol.id(), letter.getLong("user_id"));
        assertEquals(messageId, letter.getLong("message_id"));
        assertEquals(3, letter.getInt("attempts"));
        assertEquals("HTTP 503", letter.getString("last_error"));
        assertTrue(letter.getString("dead_at") != null && letter.getString("created_at") != null
                && letter.getString("last_attempt_at") != null);
        assertTrue(metric("parley_webhook_events_dead_lettered_total") >= dead + 1);

        given().auth().oauth2(admin).post(DEAD_LETTERS + "/" + id + "/replay")
                .then().statusCode(200).body("replayed", equalTo(1));
        await().atMost(PATIENCE).until(() -> receiver.received(anyFor("message.created", carol)).stream()
                .anyMatch(WebhookReceiver.Received::delivered));
        assertEquals(List.of(503, 503, 503, 200), receiver.received(anyFor("message.created", carol)).stream()
                .map(WebhookReceiver.Received::status).toList());
        assertEquals(id, receiver.received(anyFor("message.created", carol)).getLast().event().get("id").asText());
        assertTrue(deadLetter(admin, id) == null, "no longer listed");
        given().auth().oauth2(admin).post(DEAD_LETTERS + "/" + id + "/replay")
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void replayAllMakesEveryDeadLetterPendingAgain() {
        TestUser alice = registered("alice");
        TestUser dave = registered("dave");
        String admin = TestUser.fresh("admin").token("admin");
        receiver.failNext(3, anyFor("message.created", dave));
        long messageId = send(base, alice, dave, "later").get("id").asLong();
        await().atMost(PATIENCE).until(() -> db.count("SELECT count(*) FROM webhook_events WHERE message_id = $1"
                + " AND dead_at IS NOT NULL", messageId) == 1);

        int replayed = given().auth().oauth2(admin).post(DEAD_LETTERS + "/replay")
                .then().statusCode(200).extract().jsonPath().getInt("replayed");
        assertTrue(replayed >= 1, "replayed " + replayed);
        await().atMost(PATIENCE).until(() -> receiver.received(anyFor("message.created", dave)).stream()
                .anyMatch(WebhookReceiver.Received::delivered));
    }

    @Test
    void theDeadLetterApiIsForAdminsOnly() {
        String student = registered("student").token();
        given().auth().oauth2(student).get(DEAD_LETTERS).then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(student).post(DEAD_LETTERS + "/replay").then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(student).post(DEAD_LETTERS + "/" + java.util.UUID.randomUUID() + "/replay")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().get(DEAD_LETTERS).then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void badPagingAndIdsAreRefusedClearly() {
        String admin = TestUser.fresh("admin").token("admin");
        given().auth().oauth2(admin).queryParam("limit", 0).get(DEAD_LETTERS)
                .then().statusCode(400).body("code", equalTo("invalid_field"));
        given().auth().oauth2(admin).queryParam("offset", -1).get(DEAD_LETTERS)
                .then().statusCode(400).body("code", equalTo("invalid_field"));
        given().auth().oauth2(admin).queryParam("limit", "many").get(DEAD_LETTERS)
                .then().statusCode(404).body("code", equalTo("not_found"));
        given().auth().oauth2(admin).post(DEAD_LETTERS + "/not-a-uuid/replay")
                .then().statusCode(400).body("code", equalTo("invalid_field"));
        given().auth().oauth2(admin).queryParam("limit", 1).get(DEAD_LETTERS).then().statusCode(200)
                .body("dead_letters.size()", org.hamcrest.Matchers.lessThanOrEqualTo(1));
    }

    @Test
    void theOutboxGaugesAreExposed() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String series : Arrays.asList("parley_webhook_events_pending", "parley_webhook_events_dead",
                "parley_webhook_oldest_pending_age_seconds", "parley_webhook_events_sent_total",
                "parley_webhook_events_skipped_total{reason=\"online\"}")) {
            assertTrue(text.contains(series), series + " in /q/metrics");
        }
    }

    /** The dead letter with this id from the first pages of the list, or null. */
    private static JsonPath deadLetter(String admin, String id) {
        JsonPath page = given().auth().oauth2(admin).queryParam("limit", 200).get(DEAD_LETTERS)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> letters = page.getList("dead_letters");
        for (int i = 0; i < letters.size(); i++) {
            if (id.equals(letters.get(i).get("id"))) {
                return new JsonPath(page.prettify()).setRootPath("dead_letters[" + i + "]");
            }
        }
        return null;
    }

    private static double metric(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher match = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(text);
        return match.find() ? Double.parseDouble(match.group(1)) : 0;
    }
}
