package dev.parley.api;

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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A group of three, one member on two connections, and an outsider who is refused everything. */
@QuarkusTest
class GroupChatTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser mentor = TestUser.fresh("mentor");
    final TestUser student1 = TestUser.fresh("student1");
    final TestUser student2 = TestUser.fresh("student2");
    final TestUser outsider = TestUser.fresh("outsider");

    long createGroup() {
        for (TestUser user : List.of(student1, student2, outsider)) {
            given().auth().oauth2(user.token()).get("/api/v1/users/me").then().statusCode(200);
        }
        return given().auth().oauth2(mentor.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Study group", "member_ids", List.of(student1.id(), student2.id())))
                .post("/api/v1/chats")
                .then().statusCode(201)
                .body("kind", equalTo("group"))
                .body("name", equalTo("Study group"))
                .body("member_ids", containsInAnyOrder(mentor.id(), student1.id(), student2.id()))
                .extract().jsonPath().getLong("id");
    }

    @Test
    void everyMembersConnectionGetsNewMessageAndTheOutsiderNothing() {
        long chat = createGroup();
        try (ChatClient m = ChatClient.connect(base, mentor.token());
             ChatClient s1Phone = ChatClient.connect(base, student1.token());
             ChatClient s1Laptop = ChatClient.connect(base, student1.token());
             ChatClient s2 = ChatClient.connect(base, student2.token());
             ChatClient out = ChatClient.connect(base, outsider.token())) {
            m.send(Map.of("type", "message", "chat_id", chat, "content", "Welcome!", "client_msg_id", "w1"));

            JsonNode confirmation = m.await("new_message");
            assertEquals(chat, confirmation.get("chat_id").asLong());
            JsonNode message = confirmation.get("message");
            assertEquals("Welcome!", message.get("content").asText());
            assertEquals(mentor.id(), message.get("sender_id").asLong());
            assertEquals(mentor.username(), message.get("sender_username").asText());
            assertEquals("text", message.get("message_type").asText());
            assertEquals(1, message.get("seq").asLong());
            assertTrue(message.has("created_at") && confirmation.has("timestamp"));
            for (ChatClient member : List.of(s1Phone, s1Laptop, s2)) {
                assertEquals(message, member.await("new_message").get("message"));
            }

            m.send(Map.of("type", "message", "recipient_id", outsider.id(), "content", "barrier"));
            out.await("message");
            assertTrue(out.pending("new_message").isEmpty(), "the outsider saw nothing of the group");
        }
    }

    @Test
    void theOutsiderIsRefusedEverywhere() {
        long chat = createGroup();
        try (ChatClient out = ChatClient.connect(base, outsider.token())) {
            for (Map<String, Object> frame : List.<Map<String, Object>>of(
                    Map.of("type", "message", "chat_id", chat, "content", "let me in"),
                    Map.of("type", "typing", "chat_id", chat),
                    Map.of("type", "read_messages", "chat_id", chat),
                    Map.of("type", "join_chat", "chat_id", chat))) {
                out.send(frame);
                assertEquals("forbidden", out.await("error").get("code").asText(), frame.toString());
            }
        }
        given().auth().oauth2(outsider.token()).get("/api/v1/chats/{id}/messages", chat)
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(outsider.token()).contentType(ContentType.JSON).body(Map.of("content", "x"))
                .post("/api/v1/chats/{id}/messages", chat).then().statusCode(403);
        given().auth().oauth2(outsider.token()).contentType(ContentType.JSON).body(Map.of("user_id", outsider.id()))
                .post("/api/v1/chats/{id}/members", chat).then().statusCode(403);
        given().auth().oauth2(mentor.token()).get("/api/v1/chats/{id}/messages", 999_999_999)
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void restWritesAreSeenLiveAndHistoryPagesBothWays() {
        long chat = createGroup();
        try (ChatClient s1 = ChatClient.connect(base, student1.token())) {
            for (int i = 1; i <= 3; i++) {
                given().auth().oauth2(mentor.token()).contentType(ContentType.JSON)
                        .body(Map.of("content", "rest " + i))
                        .post("/api/v1/chats/{id}/messages", chat)
                        .then().statusCode(201).body("seq", equalTo(i));
                assertEquals("rest " + i, s1.await("new_message").get("message").get("content").asText());
            }
        }
        given().auth().oauth2(student2.token()).queryParam("after_seq", 1).queryParam("limit", 1)
                .get("/api/v1/chats/{id}/messages", chat)
                .then().statusCode(200)
                .body("messages.content", containsInAnyOrder("rest 2"))
                .body("has_more", equalTo(true))
                .body("next_after_seq", equalTo(2));
        given().auth().oauth2(student2.token()).queryParam("before_seq", 3)
                .get("/api/v1/chats/{id}/messages", chat)
                .then().body("messages.seq", equalTo(List.of(2, 1)));
    }

    @Test
    void membersComeAndGoWithNotices() {
        long chat = createGroup();
        try (ChatClient s2 = ChatClient.connect(base, student2.token());
             ChatClient out = ChatClient.connect(base, outsider.token())) {
            given().auth().oauth2(mentor.token()).contentType(ContentType.JSON).body(Map.of("user_id", outsider.id()))
                    .post("/api/v1/chats/{id}/members", chat).then().statusCode(204);
            JsonNode joined = s2.await("user_joined");
            assertEquals(outsider.id(), joined.get("user_id").asLong());
            assertEquals(chat, out.await("user_joined").get("chat_id").asLong(), "the new member hears of it too");

            given().auth().oauth2(student1.token()).delete("/api/v1/chats/{id}/members/{user}", chat, student2.id())
                    .then().statusCode(403);
            given().auth().oauth2(student2.token()).delete("/api/v1/chats/{id}/members/{user}", chat, student2.id())
                    .then().statusCode(204);
            assertEquals(student2.id(), out.await("user_left").get("user_id").asLong());
            s2.send(Map.of("type", "message", "chat_id", chat, "content", "still here?"));
            assertEquals("forbidden", s2.await("error").get("code").asText(), "a member who left cannot send");
        }
    }

    @Test
    void seed001ClientsUseTheWsPath() {
        long chat = createGroup();
        try (ChatClient m = ChatClient.connect(base, "/ws", mentor.token());
             ChatClient s1 = ChatClient.connect(base, "/ws", student1.token())) {
            s1.send(Map.of("type", "join_chat", "chat_id", chat));
            s1.roundTrip();
            m.send(Map.of("type", "typing", "chat_id", chat, "is_typing", true));
            JsonNode typing = s1.await("typing");
            assertEquals(chat, typing.get("chat_id").asLong());
            assertEquals(mentor.id(), typing.get("user_id").asLong());
            s1.send(Map.of("type", "leave_chat", "chat_id", chat));
            s1.roundTrip();
            given().auth().oauth2(mentor.token()).contentType(ContentType.JSON).body(Map.of("content", "muted?"))
                    .post("/api/v1/chats/{id}/messages", chat).then().statusCode(201);
            m.send(Map.of("type", "message", "recipient_id", student1.id(), "content", "barrier"));
            // On /ws a 1:1 message is a new_message too (seed 001's dialect).
            s1.await("new_message", frame -> frame.get("chat_id").asLong() != chat);
            assertTrue(s1.pending("new_message").isEmpty(), "leave_chat stops the group's events on this connection");
        }
    }
}
