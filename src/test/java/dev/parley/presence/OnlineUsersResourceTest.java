package dev.parley.presence;

import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class OnlineUsersResourceTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void listsConnectedUsersWithTheirCount() {
        TestUser a = TestUser.fresh("a");
        TestUser b = TestUser.fresh("b");
        try (ChatClient ignoredA = ChatClient.connect(base, a.token());
             ChatClient ignoredB = ChatClient.connect(base, b.token())) {
            List<Long> online = given().auth().oauth2(a.token())
                    .get("/api/v1/ws/online-users")
                    .then().statusCode(200)
                    .body("online_users", hasItems(a.id(), b.id()))
                    .extract().jsonPath().getList("online_users", Long.class);
            given().auth().oauth2(a.token()).get("/api/v1/ws/online-users")
                    .then().body("count", equalTo(online.size()));
        }
        await().atMost(ChatClient.TIMEOUT).untilAsserted(() -> given().auth().oauth2(a.token())
                .get("/api/v1/ws/online-users")
                .then().body("online_users", not(hasItem(b.id()))));
    }

    @Test
    void needsAToken() {
        given().get("/api/v1/ws/online-users").then().statusCode(401).body("code", equalTo("unauthorized"));
    }
}
