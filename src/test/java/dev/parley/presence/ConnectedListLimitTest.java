package dev.parley.presence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code connected} lists at most {@code parley.presence.connected-list-limit} users, the caller first. */
@QuarkusTest
@TestProfile(ConnectedListLimitTest.ListOfThree.class)
class ConnectedListLimitTest {

    public static class ListOfThree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.presence.connected-list-limit", "3");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void theListIsCappedAndStartsWithTheCaller() {
        List<ChatClient> clients = new ArrayList<>();
        try {
            List<TestUser> users = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                TestUser user = TestUser.fresh("u" + i);
                users.add(user);
                clients.add(ChatClient.connect(base, user.token()));
            }
            JsonNode online = clients.getLast().connected().get("online_users");
            assertEquals(3, online.size(), online.toString());
            assertEquals(users.getLast().id(), online.get(0).asLong(), "the caller comes first");

            // The REST list is the full one, for clients that want everyone.
            given().auth().oauth2(users.getFirst().token()).get("/api/v1/ws/online-users")
                    .then().statusCode(200)
                    .body("online_users", hasItems(users.stream().map(TestUser::id).toArray()));
        } finally {
            clients.forEach(ChatClient::close);
        }
    }
}
