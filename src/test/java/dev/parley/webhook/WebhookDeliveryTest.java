package dev.parley.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
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
import java.util.UUID;

import static dev.parley.webhook.Webhooks.PATIENCE;
import static dev.parley.webhook.Webhooks.anyFor;
import static dev.parley.webhook.Webhooks.awaitResolved;
import static dev.parley.webhook.Webhooks.event;
import static dev.parley.webhook.Webhooks.registered;
import static dev.parley.webhook.Webhooks.send;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who gets which event when, signed how: the receiver records what arrives (unread delay 2 s here). */
@QuarkusTest
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookDeliveryTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    WebhookReceiver receiver;

    @Test
    void aRecipientWhoIsAwayGetsOneSignedMessageCreated() throws Exception {
        TestUser alice = registered("alice");
        TestUser bob = registered("bob");
        JsonNode sent = send(base, alice, bob, "Are you free on Tuesday?");
        long messageId = sent.get("id").asLong();

        await().atMost(PATIENCE).until(() -> !receiver.received(event("message.created", messageId, bob)).isEmpty());
        awaitResolved(db, "message.created", messageId);
        List<WebhookReceiver.Received> requests = receiver.received(event("message.created", messageId, bob));
        assertEquals(1, requests.size(), "sent once");
        WebhookReceiver.Received request = requests.getFirst();

        assertEquals(Webhooks.expectedSignature(request.body()), request.header("X-Parley-Signature"));
        assertTrue(request.header("Content-Type").startsWith("application/json"));
        JsonNode event = request.event();
        UUID.fromString(event.get("id").asText());
        assertEquals(event.get("id").asText(), request.header("X-Parley-Event-Id"));
        assertEquals("message.created", request.header("X-Parley-Event-Type"));
        Instant.parse(event.get("created_at").asText());
        JsonNode data = event.get("data");
        assertEquals(bob.id(), data.get("user_id").asLong());
        assertEquals(sent.get("chat_id").asLong(), data.get("chat_id").asLong());
        assertEquals("direct", data.get("chat_kind").asText());
        assertEquals(1, data.get("seq").asLong());
        assertEquals(alice.id(), data.get("sender_id").asLong());
        assertEquals(alice.username(), data.get("sender_username").asText());
        assertEquals("text", data.get("message_type").asText());
        assertEquals("Are you free on Tuesday?", data.get("content").asText());
        assertEquals(Instant.parse(sent.get("timestamp").asText()), Instant.parse(data.get("created_at").asText()));
    }

    @Test
    void aRecipientWhoIsConnectedGetsNoMessageCreated() {
        TestUser alice = registered("alice");
        TestUser bob = registered("bob");
        try (ChatClient bobOnline = ChatClient.connect(base, bob.token())) {
            long messageId = send(base, alice, bob, "you are here").get("id").asLong();
            bobOnline.await("message");
            awaitResolved(db, "message.created", messageId);
        }
        assertTrue(receiver.received(anyFor("message.created", bob)).isEmpty(), "connected, so not notified");
    }

    @Test
    void aMessageStillUnreadAfterTheDelayIsSentAsMessageUnread() {
        TestUser alice = registered("alice");
        TestUser bob = registered("bob");
        Instant beforeSend = Instant.now();
        JsonNode sent = send(base, alice, bob, "read me");
        long messageId = sent.get("id").asLong();

        await().atMost(PATIENCE).until(() -> !receiver.received(event("message.unread", messageId, bob)).isEmpty());
        WebhookReceiver.Received unread = receiver.received(event("message.unread", messageId, bob)).getFirst();
        // The delay counts from the write, which came after beforeSend (50 ms for clock granularity).
        assertTrue(Duration.between(beforeSend, unread.at()).compareTo(Duration.ofMillis(1950)) >= 0,
                "not before the 2 s delay: " + Duration.between(beforeSend, unread.at()));
        Instant created = Instant.parse(sent.get("timestamp").asText());
        assertFalse(Instant.parse(unread.event().get("created_at").asText()).isBefore(created.plusSeconds(2)),
                "created_at is the end of the delay");
        assertEquals("read me", unread.event().get("data").get("content").asText());
    }

    @Test
    void aMessageReadBeforeTheDelayIsNotSentAsMessageUnread() {
        TestUser alice = registered("alice");
        TestUser bob = registered("bob");
        JsonNode sent = send(base, alice, bob, "quickly read");
        long messageId = sent.get("id").asLong();
        try (ChatClient bobLater = ChatClient.connect(base, bob.token())) {
            bobLater.send(Map.of("type", "read", "message_id", messageId));
            await().atMost(PATIENCE).until(() -> db.count("SELECT last_read_seq FROM members WHERE conversation_id = $1"
                    + " AND user_id = $2", sent.get("chat_id").asLong(), bob.id()) == 1);
        }
        awaitResolved(db, "message.unread", messageId);
        assertTrue(receiver.received(event("message.unread", messageId, bob)).isEmpty(), "read, so not notified");
    }

    @Test
    void everyGroupMemberButTheSenderIsARecipient() {
        TestUser mentor = registered("mentor");
        TestUser student1 = registered("student1");
        TestUser student2 = registered("student2");
        long chat = given().auth().oauth2(mentor.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Webhook group", "member_ids", List.of(student1.id(), student2.id())))
                .post("/api/v1/chats").then().statusCode(201).extract().jsonPath().getLong("id");
        long messageId = given().auth().oauth2(mentor.token()).contentType(ContentType.JSON)
                .body(Map.of("content", "Session moved to 16:00")).post("/api/v1/chats/" + chat + "/messages")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        for (TestUser student : List.of(student1, student2)) {
            await().atMost(PATIENCE).until(() -> !receiver.received(event("message.created", messageId, student)).isEmpty());
            JsonNode data = receiver.received(event("message.created", messageId, student)).getFirst().event().get("data");
            assertEquals("group", data.get("chat_kind").asText());
            assertEquals(chat, data.get("chat_id").asLong());
        }
        awaitResolved(db, "message.created", messageId);
        assertTrue(receiver.received(anyFor("message.created", mentor)).isEmpty(), "the sender, away too, is no recipient");
    }

    @Test
    void aSystemMessageNotifiesEveryMemberWhoIsAway() {
        TestUser mentor = registered("mentor");
        TestUser student = registered("student");
        long messageId = given().auth().oauth2(TestUser.serviceToken("platform")).contentType(ContentType.JSON)
                .body(Map.of("user_ids", List.of(mentor.id(), student.id()), "content", "Session booked",
                        "idempotency_key", UUID.randomUUID().toString()))
                .post("/api/v1/system-messages").then().statusCode(201).extract().jsonPath().getLong("id");

        for (TestUser member : List.of(mentor, student)) {
            await().atMost(PATIENCE).until(() -> !receiver.received(event("message.created", messageId, member)).isEmpty());
            JsonNode data = receiver.received(event("message.created", messageId, member)).getFirst().event().get("data");
            assertEquals("system", data.get("message_type").asText());
            assertFalse(data.hasNonNull("sender_id"), "a system message has no sender");
        }
    }
}
