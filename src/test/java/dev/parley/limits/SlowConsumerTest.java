package dev.parley.limits;

import dev.parley.cluster.Closer;
import dev.parley.support.ChatClient;
import dev.parley.support.TcpSockets;
import dev.parley.support.TestUser;
import dev.parley.support.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that stops reading while others flood it: the replica does not queue
 * without bound but closes it with 1013, releases it at once, drops its TCP
 * connection when the close frame cannot get through, and everyone else carries on.
 */
@QuarkusTest
@TestProfile(SlowConsumerTest.SmallQueue.class)
class SlowConsumerTest {

    /** A small outbound queue, and no flood limit on the senders. */
    public static class SmallQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.limits.outbound-queue", "64",
                    "parley.limits.frames-per-second", "100000", "parley.limits.frame-burst", "100000");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    OpenConnections connections;

    @Test
    void aConsumerThatStopsReadingIsClosedWith1013AndOthersCarryOn() {
        TestUser slow = TestUser.fresh("slow");
        TestUser sender = TestUser.fresh("sender");
        TestUser bystander = TestUser.fresh("bystander");
        String slowToken = slow.token();
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "ws/chat?token=" + slowToken);
        String content = "x".repeat(3_900);
        try (WsClient stalled = WsClient.connectAndStall(ws);
             ChatClient flood = ChatClient.connect(base, sender.token());
             ChatClient other = ChatClient.connect(base, bystander.token())) {
            assertTrue(connections.stream().anyMatch(connection -> isOf(connection, slowToken)), "the slow one is open");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (int i = 0; i < 200; i++) {
                    flood.send(Map.of("type", "message", "recipient_id", slow.id(), "content", content));
                }
                flood.roundTrip();
                return metrics().contains("code=\"1013\"");
            });
            flood.send(Map.of("type", "message", "recipient_id", bystander.id(), "content", "still fine"));
            assertEquals("still fine", other.await("message").get("content").asText());

            // Released at once: offline, although its close frame waits behind what it does not read.
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertFalse(given().auth().oauth2(bystander.token())
                    .get("/api/v1/ws/online-users").then().extract().jsonPath().getList("online_users", Long.class)
                    .contains(slow.id()), "the condemned user went offline"));
            // Its close frame waits behind what it does not read, so its TCP connection is aborted after
            // the close grace period, and the frames queued for it go with it.
            long open = TcpSockets.established(base.getPort());
            await().atMost(Closer.GRACE.plusSeconds(5)).until(() -> TcpSockets.established(base.getPort()) < open);
            assertTrue(connections.stream().noneMatch(connection -> isOf(connection, slowToken)));
        }
    }

    private static boolean isOf(WebSocketConnection connection, String token) {
        String query = connection.handshakeRequest().query();
        return query != null && query.contains(token);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
