package dev.parley.contact;

import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Under the open policy everybody is a contact, found by name, with presence; never oneself or a blocked user. */
@QuarkusTest
class ContactsTest {

    @TestHTTPResource("/")
    URI base;

    final String tag = "Zq" + System.nanoTime();
    final TestUser me = TestUser.fresh("me_" + tag);
    final TestUser ann = TestUser.fresh("Ann_" + tag);
    final TestUser ben = TestUser.fresh("ben_" + tag);

    @BeforeEach
    void register() {
        me.registered();
        ann.registered();
        ben.registered();
    }

    JsonPath contacts(String query) {
        return given().auth().oauth2(me.token()).queryParam("q", query).get("/api/v1/contacts")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void findsPeopleByAnyPartOfTheirNameWithPresenceAndTheirChat() {
        assertEquals(List.of(ann.id(), ben.id()), contacts(tag.toLowerCase()).getList("id", Long.class),
                "by name, case-insensitively, without the caller");
        try (ChatClient a = ChatClient.connect(base, ann.token());
             ChatClient m = ChatClient.connect(base, me.token())) {
            m.send(Map.of("type", "message", "recipient_id", ann.id(), "content", "hi"));
            long chat = m.await("message").get("chat_id").asLong();
            JsonPath found = contacts("ann_" + tag);
            assertEquals("online", found.getString("[0].presence"));
            assertEquals(chat, found.getLong("[0].chat_id"));
            assertEquals(ann.username(), found.getString("[0].username"));
        }
        JsonPath ben = contacts("ben_" + tag);
        assertEquals("offline", ben.getString("[0].presence"));
        assertNull(ben.get("[0].chat_id"));
        assertNotNull(ben.get("[0].avatar_url"));
    }

    @Test
    void wildcardsAreTextAndBlocksHide() {
        assertEquals(List.of(), contacts("%" + tag.substring(1)).getList("id"), "% is not a wildcard");
        given().auth().oauth2(me.token()).put("/api/v1/blocks/{id}", ben.id()).then().statusCode(204);
        assertEquals(List.of(ann.id()), contacts(tag).getList("id", Long.class));
    }

    @Test
    void boundsAreChecked() {
        given().auth().oauth2(me.token()).get("/api/v1/contacts?limit=0").then().statusCode(400)
                .body("code", equalTo("invalid_field"));
        given().auth().oauth2(me.token()).get("/api/v1/contacts?limit=201").then().statusCode(400);
        given().auth().oauth2(me.token()).queryParam("q", "x".repeat(101)).get("/api/v1/contacts")
                .then().statusCode(400);
        given().auth().oauth2(me.token()).get("/api/v1/contacts?q=" + tag + "&limit=1&offset=1").then()
                .statusCode(200).body("[0].id", equalTo(ben.id()));
    }
}
