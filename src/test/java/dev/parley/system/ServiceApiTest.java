package dev.parley.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platform's backend: a service token manages users, mentorships and groups, and posts system messages. */
@QuarkusTest
class ServiceApiTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    final String service = TestUser.serviceToken("platform-backend");
    final TestUser mentor = TestUser.fresh("mentor");
    final TestUser student = TestUser.fresh("student");

    void createUsers() {
        for (TestUser user : List.of(mentor, student)) {
            given().auth().oauth2(service).contentType(ContentType.JSON)
                    .body(Map.of("username", user.username(), "roles", List.of(user == mentor ? "mentor" : "student")))
                    .put("/api/v1/users/{id}", user.id())
                    .then().statusCode(200).body("roles", containsInAnyOrder(user == mentor ? "mentor" : "student"));
        }
    }

    ValidatableResponse system(Map<String, Object> body) {
        return given().auth().oauth2(service).contentType(ContentType.JSON).body(body)
                .post("/api/v1/system-messages").then();
    }

    @Test
    void aServiceManagesUsersAndMentorshipsIdempotently() {
        createUsers();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(service).put("/api/v1/mentorships/{m}/{s}", mentor.id(), student.id())
                    .then().statusCode(200)
                    .body("mentor_id", equalTo(mentor.id())).body("student_id", equalTo(student.id()));
        }
        given().auth().oauth2(service).get("/api/v1/mentorships?user_id={id}", student.id())
                .then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(student.token()).get("/api/v1/mentorships")
                .then().statusCode(200).body("[0].mentor_id", equalTo(mentor.id()));
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(service).delete("/api/v1/mentorships/{m}/{s}", mentor.id(), student.id())
                    .then().statusCode(204);
        }
        given().auth().oauth2(service).put("/api/v1/mentorships/{m}/{s}", mentor.id(), mentor.id())
                .then().statusCode(400).body("code", equalTo("invalid_field"));
        given().auth().oauth2(service).put("/api/v1/mentorships/{m}/{s}", mentor.id(), TestUser.fresh("nobody").id())
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void usersMayNotUseTheServerApi() {
        createUsers();
        given().auth().oauth2(student.token()).put("/api/v1/mentorships/{m}/{s}", mentor.id(), student.id())
                .then().statusCode(403);
        given().auth().oauth2(mentor.token("mentor")).contentType(ContentType.JSON)
                .body(Map.of("user_ids", List.of(mentor.id(), student.id()), "content", "x", "idempotency_key", "k"))
                .post("/api/v1/system-messages").then().statusCode(403);
        given().auth().oauth2(student.token()).contentType(ContentType.JSON).body(Map.of("username", "hijack"))
                .put("/api/v1/users/{id}", student.id()).then().statusCode(403);
    }

    @Test
    void aServiceTokenCannotOpenAChatConnection() {
        given().header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .queryParam("token", service).get("/ws/chat").then().statusCode(403);
    }

    @Test
    void aSystemMessageArrivesOnceAsSystemAndARetryReturnsTheSameMessage() {
        createUsers();
        String key = "booking-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("user_ids", List.of(mentor.id(), student.id()),
                "content", "Session booked for Tuesday 16:00", "idempotency_key", key);
        try (ChatClient m = ChatClient.connect(base, mentor.token("mentor"));
             ChatClient s = ChatClient.connect(base, student.token())) {
            long id = system(body).statusCode(201)
                    .body("message_type", equalTo("system"))
                    .body("sender_id", nullValue())
                    .extract().jsonPath().getLong("id");
            assertEquals(id, system(body).statusCode(200).extract().jsonPath().getLong("id"));
            for (ChatClient client : List.of(m, s)) {
                JsonNode frame = client.await("new_message");
                assertEquals("system", frame.get("message").get("message_type").asText());
                assertEquals("Session booked for Tuesday 16:00", frame.get("message").get("content").asText());
                assertFalse(frame.get("message").has("sender_id"));
            }
            long chat = db.count("SELECT conversation_id FROM messages WHERE id = $1", id);
            // A user's message after it, as a barrier: nothing else came from the retry. The student
            // has two unread messages then: a system message counts like any other.
            m.send(Map.of("type", "message", "recipient_id", student.id(), "content", "see you then"));
            s.await("message");
            assertTrue(s.pending("new_message").isEmpty(), "the retry told nobody again");
            assertEquals(1, db.count("SELECT count(*) FROM messages WHERE idempotency_key = $1", key));

            given().auth().oauth2(student.token()).get("/api/v1/chats/{id}/messages", chat).then().statusCode(200)
                    .body("messages.find { it.id == " + id + " }.message_type", equalTo("system"));
            given().auth().oauth2(student.token()).get("/api/v1/chats").then().statusCode(200)
                    .body("find { it.id == " + chat + " }.unread_count", equalTo(2));

            system(Map.of("chat_id", chat, "content", "Reminder", "idempotency_key", key + "-2")).statusCode(201);
            assertEquals("Reminder", s.await("new_message").get("message").get("content").asText());
        }
    }

    @Test
    void badSystemMessagesAreRefusedWithJson() {
        createUsers();
        system(Map.of("user_ids", List.of(mentor.id(), student.id()), "content", "x"))
                .statusCode(400).body("code", equalTo("missing_field")).body("message", containsString("idempotency_key"));
        system(Map.of("content", "x", "idempotency_key", "k1"))
                .statusCode(400).body("code", equalTo("missing_field"));
        system(Map.of("user_ids", List.of(mentor.id()), "content", "x", "idempotency_key", "k2"))
                .statusCode(400).body("code", equalTo("invalid_field"));
        system(Map.of("user_ids", List.of(mentor.id(), TestUser.fresh("ghost").id()), "content", "x",
                "idempotency_key", "k3")).statusCode(404).body("code", equalTo("unknown_recipient"));
        system(Map.of("chat_id", Long.MAX_VALUE, "content", "x", "idempotency_key", "k4"))
                .statusCode(404).body("code", equalTo("not_found"));
        system(Map.of("user_ids", List.of(mentor.id(), student.id()), "content", " ", "idempotency_key", "k5"))
                .statusCode(400).body("code", equalTo("empty_content"));
    }

    @Test
    void aServiceCreatesAGroupOnceItIsNotAMemberOfAndAddsMembers() {
        createUsers();
        String key = "cohort-" + UUID.randomUUID();
        Map<String, Object> group = Map.of("name", "Cohort 7", "member_ids", List.of(mentor.id()), "idempotency_key", key);
        long id = given().auth().oauth2(service).contentType(ContentType.JSON).body(group).post("/api/v1/chats")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(List.of(mentor.id()), given().auth().oauth2(service).contentType(ContentType.JSON).body(group)
                .post("/api/v1/chats").then().extract().jsonPath().getList("member_ids", Long.class),
                "the retry answers the same group, without the service as a member");
        assertEquals(id, db.count("SELECT id FROM conversations WHERE idempotency_key = $1", key));
        given().auth().oauth2(service).contentType(ContentType.JSON).body(Map.of("user_id", student.id()))
                .post("/api/v1/chats/{id}/members", id).then().statusCode(204);
        given().auth().oauth2(student.token()).get("/api/v1/chats/{id}/messages", id).then().statusCode(200);
        assertEquals(1, db.count("SELECT count(*) FROM conversations WHERE idempotency_key = $1", key));
    }
}
