package dev.parley.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy matrix under {@code parley.policy.direct=mentorships}: a student with
 * their mentor, a mentor with their student and an admin with anyone may talk;
 * everybody else is refused with {@code forbidden}, for messages, typing, reads
 * and presence alike.
 */
@QuarkusTest
@TestProfile(MentorshipsPolicyProfile.class)
class MentorshipPolicyTest {

    @TestHTTPResource("/")
    URI base;

    final TestUser student = TestUser.fresh("student");
    final TestUser otherStudent = TestUser.fresh("other_student");
    final TestUser mentor = TestUser.fresh("mentor");
    final TestUser otherMentor = TestUser.fresh("other_mentor");
    final TestUser admin = TestUser.fresh("admin");
    final String service = TestUser.serviceToken("platform");

    @BeforeEach
    void people() {
        student.registered("student");
        otherStudent.registered("student");
        mentor.registered("mentor");
        otherMentor.registered("mentor");
        admin.registered("admin");
        pair(mentor, student, 200);
    }

    void pair(TestUser mentor, TestUser student, int status) {
        given().auth().oauth2(service)
                .put("/api/v1/mentorships/{m}/{s}", mentor.id(), student.id()).then().statusCode(status);
    }

    static String token(TestUser user) {
        String role = user.username().startsWith("admin") ? "admin"
                : user.username().contains("mentor") ? "mentor" : "student";
        return user.token(role);
    }

    /** The outcome of one direct message: the recipient's {@code message}, or the sender's error code. */
    String message(TestUser from, TestUser to) {
        try (ChatClient sender = ChatClient.connect(base, token(from))) {
            sender.send(Map.of("type", "message", "recipient_id", to.id(), "content", "hello", "client_msg_id",
                    "m-" + to.id()));
            JsonNode answer = sender.await(frame -> frame.path("type").asText().matches("message|error"));
            return answer.path("type").asText().equals("error") ? answer.path("code").asText() : "sent";
        }
    }

    @Test
    void directMessagesFollowTheMatrix() {
        assertEquals("sent", message(student, mentor), "student to their mentor");
        assertEquals("sent", message(mentor, student), "mentor to their student");
        assertEquals("forbidden", message(student, otherMentor), "student to someone else's mentor");
        assertEquals("forbidden", message(student, otherStudent), "student to student");
        assertEquals("forbidden", message(otherMentor, student), "mentor to someone else's student");
        assertEquals("sent", message(admin, otherStudent), "admin to anyone");
        assertEquals("sent", message(otherStudent, admin), "anyone to an admin");
    }

    @Test
    void restSendsAreRefusedWith403() {
        long chat = directChat(student, mentor);
        given().auth().oauth2(service).delete("/api/v1/mentorships/{m}/{s}", mentor.id(), student.id())
                .then().statusCode(204);
        given().auth().oauth2(token(student)).contentType(ContentType.JSON).body(Map.of("content", "still there?"))
                .post("/api/v1/chats/{id}/messages", chat)
                .then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("forbidden"));
    }

    /** Opens the pair's direct chat with a first message; its id. */
    long directChat(TestUser a, TestUser b) {
        try (ChatClient client = ChatClient.connect(base, token(a))) {
            client.send(Map.of("type", "message", "recipient_id", b.id(), "content", "first"));
            return client.await("message").get("chat_id").asLong();
        }
    }

    @Test
    void anEndedMentorshipEndsMessagesTypingAndReadsInTheirExistingChat() {
        long chat = directChat(mentor, student);
        long messageId;
        try (ChatClient s = ChatClient.connect(base, token(student))) {
            s.send(Map.of("type", "message", "chat_id", chat, "content", "before the end"));
            messageId = s.await("message").get("id").asLong();
        }
        given().auth().oauth2(service).delete("/api/v1/mentorships/{m}/{s}", mentor.id(), student.id())
                .then().statusCode(204);
        try (ChatClient m = ChatClient.connect(base, token(mentor))) {
            // The pair's chat id is known to this replica, so this is the batched write path.
            m.send(Map.of("type", "message", "chat_id", chat, "content", "after"));
            assertEquals("forbidden", m.await("error").get("code").asText());
            m.send(Map.of("type", "message", "recipient_id", student.id(), "content", "after"));
            assertEquals("forbidden", m.await("error").get("code").asText());
            m.send(Map.of("type", "typing", "recipient_id", student.id(), "is_typing", true));
            assertEquals("forbidden", m.await("error").get("code").asText());
            m.send(Map.of("type", "typing", "chat_id", chat, "is_typing", true));
            assertEquals("forbidden", m.await("error").get("code").asText());
            m.send(Map.of("type", "read", "message_id", messageId));
            assertEquals("forbidden", m.await("error").get("code").asText());
            m.send(Map.of("type", "read_messages", "chat_id", chat));
            assertEquals("forbidden", m.await("error").get("code").asText());
        }
        // History stays readable.
        given().auth().oauth2(token(mentor)).get("/api/v1/chats/{id}/messages", chat).then().statusCode(200);
    }

    @Test
    void typingReachesOnlyWhomThePolicyAllows() {
        try (ChatClient s = ChatClient.connect(base, token(student));
             ChatClient m = ChatClient.connect(base, token(mentor))) {
            s.send(Map.of("type", "typing", "recipient_id", mentor.id(), "is_typing", true));
            assertEquals(student.id(), m.await("typing").get("user_id").asLong());
            s.send(Map.of("type", "typing", "recipient_id", otherMentor.id(), "is_typing", true));
            assertEquals("forbidden", s.await("error").get("code").asText());
        }
    }

    @Test
    void presenceReachesTheMentorAndNotOthers() {
        try (ChatClient m = ChatClient.connect(base, token(mentor));
             ChatClient other = ChatClient.connect(base, token(otherMentor))) {
            // otherMentor shares a group with the student, which does not make them contacts here.
            given().auth().oauth2(service).contentType(ContentType.JSON)
                    .body(Map.of("name", "cohort", "member_ids", List.of(student.id(), otherMentor.id())))
                    .post("/api/v1/chats").then().statusCode(201);
            try (ChatClient s = ChatClient.connect(base, token(student))) {
                assertTrue(s.connected().get("online_users").toString().contains(String.valueOf(mentor.id())));
                assertFalse(s.connected().get("online_users").toString().contains(String.valueOf(otherMentor.id())),
                        "online_users follows the policy");
                JsonNode online = m.await("user_status", f -> f.get("user_id").asLong() == student.id());
                assertEquals("online", online.get("status").asText());
                s.send(Map.of("type", "status", "status", "away"));
                m.await("user_status", f -> f.get("status").asText().equals("away"));
            }
            m.await("user_offline", f -> f.get("user_id").asLong() == student.id());
            other.roundTrip();
            assertTrue(other.pending("user_status").stream().noneMatch(f -> f.get("user_id").asLong() == student.id()));
            assertTrue(other.pending("user_offline").stream().noneMatch(f -> f.get("user_id").asLong() == student.id()));
            given().auth().oauth2(token(otherMentor)).get("/api/v1/ws/online-users")
                    .then().statusCode(200).body("online_users", not(hasItem(student.id())));
        }
    }

    @Test
    void anAdminTypesReadsAndHearsPresenceWithAnyone() {
        long chat = directChat(otherStudent, admin);
        try (ChatClient a = ChatClient.connect(base, token(admin))) {
            try (ChatClient s = ChatClient.connect(base, token(otherStudent))) {
                a.await("user_status", f -> f.get("user_id").asLong() == otherStudent.id());
                a.send(Map.of("type", "typing", "recipient_id", otherStudent.id(), "is_typing", true));
                assertEquals(admin.id(), s.await("typing").get("user_id").asLong());
                s.send(Map.of("type", "read_messages", "chat_id", chat));
                a.await("messages_read", f -> f.get("user_id").asLong() == otherStudent.id());
            }
            a.await("user_offline", f -> f.get("user_id").asLong() == otherStudent.id());
        }
    }

    @Test
    void contactsListTheMentorsAndAdminsOfAStudent() {
        assertEquals(List.of(mentor.id()), contactIds(student, mentor));
        assertEquals(List.of(admin.id()), contactIds(student, admin));
        assertEquals(List.of(), contactIds(student, otherMentor));
        assertEquals(List.of(), contactIds(student, otherStudent));
        assertEquals(List.of(otherStudent.id()), contactIds(admin, otherStudent), "an admin may message anyone");
        given().auth().oauth2(token(student)).get("/api/v1/contacts?q=" + mentor.username().toUpperCase())
                .then().statusCode(200)
                .body("[0].username", org.hamcrest.Matchers.equalTo(mentor.username()))
                .body("[0].roles", hasItem("mentor"))
                .body("[0].presence", org.hamcrest.Matchers.equalTo("offline"));
    }

    /** The contacts of {@code user} found by {@code other}'s unique name. */
    List<Long> contactIds(TestUser user, TestUser other) {
        return given().auth().oauth2(token(user)).queryParam("q", other.username())
                .get("/api/v1/contacts").then().statusCode(200).extract().jsonPath().getList("id", Long.class);
    }
}
