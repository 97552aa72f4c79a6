package dev.parley.chat;

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
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one-by-one send path holds a pooled connection for its transaction; every
 * check it makes must run on that connection. With a pool of two, a handful of
 * refused first messages at once shows it: a check that asked the pool for a
 * second connection left them all waiting for one another until the pool's
 * acquisition timeout.
 */
@QuarkusTest
@TestProfile(PoolPressureTest.TwoConnections.class)
class PoolPressureTest {

    static final int POOL_SIZE = 2;

    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", String.valueOf(POOL_SIZE));
        }
    }

    @TestHTTPResource("/")
    URI base;

    /**
     * Refused first messages go the one-by-one way, a transaction each: more of
     * them at once than the pool has connections must each still be answered
     * (a check that took a second connection inside the transaction waited for ever).
     */
    @Test
    void moreRefusedFirstMessagesAtOnceThanPooledConnectionsAreEachAnswered() {
        int senders = 5 * POOL_SIZE;
        TestUser blocker = TestUser.fresh("first-blocker");
        List<TestUser> blocked = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            TestUser user = TestUser.fresh("first-blocked" + i).registered();
            blocked.add(user);
            given().auth().oauth2(blocker.token()).put("/api/v1/blocks/{id}", user.id()).then().statusCode(204);
        }
        List<ChatClient> clients = new ArrayList<>();
        try {
            for (TestUser user : blocked) {
                clients.add(ChatClient.connect(base, user.token()));
            }
            for (int i = 0; i < senders; i++) {
                clients.get(i).send(Map.of("type", "message", "recipient_id", blocker.id(), "content", "hello?",
                        "client_msg_id", "refused-" + i));
            }
            for (ChatClient client : clients) {
                assertEquals("forbidden", client.await("error").get("code").asText());
            }
        } finally {
            clients.forEach(ChatClient::close);
        }
    }

}
