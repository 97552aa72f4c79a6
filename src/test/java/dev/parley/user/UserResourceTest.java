package dev.parley.user;

import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class UserResourceTest {

    @Test
    void deletingAUserClosesTheirOpenConnectionsWith4003() {
        TestUser doomed = TestUser.fresh("doomed");
        TestUser admin = TestUser.fresh("admin");
        try (ChatClient first = ChatClient.connect(base, doomed.token());
             ChatClient second = ChatClient.connect(base, doomed.token())) {
            given().auth().oauth2(admin.token("admin")).delete("/api/v1/users/{id}", doomed.id()).then().statusCode(204);
            assertEquals(4003, first.awaitClose().getCode());
            assertEquals(4003, second.awaitClose().getCode());
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void meReturnsTheCallersProfileFromTheToken() {
        TestUser user = TestUser.fresh("me");
        given().auth().oauth2(user.token())
                .get("/api/v1/users/me")
                .then().statusCode(200)
                .body("id", equalTo(user.id()))
                .body("username", equalTo(user.username()))
                .body("avatar_url", equalTo("https://avatars.test/" + user.id() + ".png"));
    }

    @Test
    void meNeedsAValidToken() {
        given().get("/api/v1/users/me").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().auth().oauth2("nonsense").get("/api/v1/users/me").then().statusCode(401)
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void anAdminRegistersAMentorSoAStudentCanWriteBeforeTheirFirstLogin() {
        TestUser admin = TestUser.fresh("admin");
        TestUser mentor = TestUser.fresh("mentor");
        TestUser student = TestUser.fresh("student");

        given().auth().oauth2(admin.token("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", mentor.username()))
                .put("/api/v1/users/{id}", mentor.id())
                .then().statusCode(200)
                .body("id", equalTo(mentor.id()))
                .body("username", equalTo(mentor.username()));

        try (ChatClient client = ChatClient.connect(base, student.token())) {
            client.send(Map.of("type", "message", "recipient_id", mentor.id(), "content", "hello mentor"));
            assertEquals(mentor.id(), client.await("message").get("recipient_id").asLong());
        }
    }

    @Test
    void onlyAdminsRegisterUsers() {
        TestUser student = TestUser.fresh("student");
        given().auth().oauth2(student.token("student", "mentor")).contentType(ContentType.JSON)
                .body(Map.of("username", "sneaky"))
                .put("/api/v1/users/{id}", student.id() + 1)
                .then().statusCode(403)
                .body("code", equalTo("forbidden"));
    }

    @Test
    void registeringNeedsAUsername() {
        TestUser admin = TestUser.fresh("admin");
        given().auth().oauth2(admin.token("admin")).contentType(ContentType.JSON)
                .body(Map.of("avatar_url", "https://x"))
                .put("/api/v1/users/{id}", admin.id() + 1)
                .then().statusCode(400)
                .body("code", equalTo("missing_field"));
    }
}
