package dev.parley.chat;

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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class HistoryResourceTest {

    @TestHTTPResource("/")
    URI base;

    TestUser alice = TestUser.fresh("alice");
    TestUser bob = TestUser.fresh("bob");

    @BeforeEach
    void exchangeFiveMessages() {
        try (ChatClient a = ChatClient.connect(base, alice.token());
             ChatClient b = ChatClient.connect(base, bob.token())) {
            for (int i = 1; i <= 5; i++) {
                ChatClient from = i % 2 == 1 ? a : b;
                long to = i % 2 == 1 ? bob.id() : alice.id();
                from.send(Map.of("type", "message", "recipient_id", to, "content", "m" + i));
                from.await("message");
            }
        }
    }

    @Test
    void historyIsNewestFirstAndPagesBackwards() {
        List<Integer> firstPage = given().auth().oauth2(alice.token())
                .queryParam("limit", 2)
                .get("/api/v1/conversations/{user}/messages", bob.id())
                .then().statusCode(200)
                .body("messages.content", contains("m5", "m4"))
                .body("has_more", equalTo(true))
                .body("next_before_seq", equalTo(4))
                .extract().jsonPath().getList("messages.seq", Integer.class);

        given().auth().oauth2(alice.token())
                .queryParam("limit", 2).queryParam("before_seq", firstPage.getLast())
                .get("/api/v1/conversations/{user}/messages", bob.id())
                .then().body("messages.content", contains("m3", "m2"));

        given().auth().oauth2(bob.token())
                .queryParam("before_seq", 2)
                .get("/api/v1/conversations/{user}/messages", alice.id())
                .then().body("messages.content", contains("m1"))
                .body("messages[0].sender_id", equalTo(alice.id()))
                .body("messages[0].sender_username", equalTo(alice.username()))
                .body("has_more", equalTo(false))
                .body("next_before_seq", nullValue());
    }

    @Test
    void defaultPageHoldsEverythingUpTo50AndLimitsAreChecked() {
        given().auth().oauth2(alice.token()).get("/api/v1/conversations/{user}/messages", bob.id())
                .then().body("messages", hasSize(5));
        given().auth().oauth2(alice.token()).queryParam("limit", 5000)
                .get("/api/v1/conversations/{user}/messages", bob.id())
                .then().statusCode(200).body("messages", hasSize(5));
        given().auth().oauth2(alice.token()).queryParam("limit", 0)
                .get("/api/v1/conversations/{user}/messages", bob.id())
                .then().statusCode(400).body("code", equalTo("invalid_field"));
        given().auth().oauth2(alice.token()).queryParam("limit", "many")
                .get("/api/v1/conversations/{user}/messages", bob.id())
                .then().statusCode(404);
    }

    @Test
    void someoneElsesConversationIsNotVisible() {
        TestUser eve = TestUser.fresh("eve");
        given().auth().oauth2(eve.token()).get("/api/v1/conversations/{user}/messages", bob.id())
                .then().statusCode(200).body("messages", empty());
        given().get("/api/v1/conversations/{user}/messages", bob.id()).then().statusCode(401);
    }
}
