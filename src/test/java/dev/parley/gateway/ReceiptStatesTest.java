package dev.parley.gateway;

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

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 004's sent, delivered and read states, and unread counts from the watermarks. */
@QuarkusTest
class ReceiptStatesTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser alice = TestUser.fresh("alice");
    final TestUser bob = TestUser.fresh("bob");

    @Test
    void senderHearsDeliveredThenRead() {
        try (ChatClient a = ChatClient.connect(base, alice.token());
             ChatClient b = ChatClient.connect(base, bob.token())) {
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "ping me"));
            JsonNode sent = a.await("message");
            long id = b.await("message").get("id").asLong();
            assertEquals(sent.get("id").asLong(), id);

            JsonNode delivered = a.await("delivered");
            assertEquals(id, delivered.get("message_id").asLong());
            assertEquals(bob.id(), delivered.get("user_id").asLong());
            assertEquals(sent.get("chat_id").asLong(), delivered.get("chat_id").asLong());

            b.send(Map.of("type", "read", "message_id", id));
            assertEquals(id, a.await("read").get("message_id").asLong());
            JsonNode read = a.await("messages_read");
            assertEquals(bob.id(), read.get("user_id").asLong());
            assertEquals(1, read.get("last_read_seq").asLong());
            a.roundTrip();
            assertTrue(a.pending("delivered").isEmpty(), "delivered is told once");
        }
    }

    @Test
    void inAGroupEachRecipientsDeliveryIsReportedToTheSender() {
        TestUser carol = TestUser.fresh("carol");
        given().auth().oauth2(carol.token()).get("/api/v1/users/me").then().statusCode(200);
        given().auth().oauth2(bob.token()).get("/api/v1/users/me").then().statusCode(200);
        long chat = given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "trio", "member_ids", List.of(bob.id(), carol.id())))
                .post("/api/v1/chats").then().statusCode(201).extract().jsonPath().getLong("id");
        try (ChatClient a = ChatClient.connect(base, alice.token());
             ChatClient b = ChatClient.connect(base, bob.token());
             ChatClient c = ChatClient.connect(base, carol.token())) {
            a.send(Map.of("type", "message", "chat_id", chat, "content", "hi both"));
            b.await("new_message");
            c.await("new_message");
            List<Long> deliveredTo = List.of(a.await("delivered").get("user_id").asLong(),
                    a.await("delivered").get("user_id").asLong());
            assertTrue(deliveredTo.containsAll(List.of(bob.id(), carol.id())), deliveredTo.toString());

            c.send(Map.of("type", "read_messages", "chat_id", chat));
            JsonNode read = b.await("messages_read");
            assertEquals(carol.id(), read.get("user_id").asLong());
            assertEquals(chat, read.get("chat_id").asLong());
            assertEquals(1, read.get("last_read_seq").asLong());
        }
    }

    @Test
    void unreadCountsFollowTheReadWatermark() {
        try (ChatClient a = ChatClient.connect(base, alice.token());
             ChatClient b = ChatClient.connect(base, bob.token())) {
            for (String text : List.of("one", "two", "three")) {
                a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", text));
                b.await("message");
            }
            long chat = a.await("message").get("chat_id").asLong();
            given().auth().oauth2(bob.token()).get("/api/v1/chats").then().statusCode(200)
                    .body("find { it.id == " + chat + " }.unread_count", equalTo(3))
                    .body("find { it.id == " + chat + " }.kind", equalTo("direct"))
                    .body("find { it.id == " + chat + " }.last_message.content", equalTo("three"))
                    .body("find { it.id == " + chat + " }.peer.id", equalTo(alice.id()));
            given().auth().oauth2(alice.token()).get("/api/v1/chats").then()
                    .body("find { it.id == " + chat + " }.unread_count", equalTo(0));

            b.send(Map.of("type", "read_messages", "chat_id", chat));
            a.await("messages_read");
            given().auth().oauth2(bob.token()).get("/api/v1/chats").then()
                    .body("find { it.id == " + chat + " }.unread_count", equalTo(0))
                    .body("find { it.id == " + chat + " }.last_read_seq", equalTo(3));
            // Alice's list says how far bob got: what a page shows as read after a reload.
            given().auth().oauth2(alice.token()).get("/api/v1/chats").then()
                    .body("find { it.id == " + chat + " }.receipts.user_id", equalTo(List.of(bob.id())))
                    .body("find { it.id == " + chat + " }.receipts[0].last_delivered_seq", equalTo(3))
                    .body("find { it.id == " + chat + " }.receipts[0].last_read_seq", equalTo(3));
        }
    }
}
