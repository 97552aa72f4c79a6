package dev.parley.limits;

import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import dev.parley.support.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dead peers are found by pings, and one address cannot open connections in a loop. */
@QuarkusTest
@TestProfile(PeerLivenessAndHandshakeTest.FastPingFewHandshakes.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerLivenessAndHandshakeTest {

    public static class FastPingFewHandshakes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.websockets-next.server.auto-ping-interval", "1s",
                    "parley.limits.handshakes-per-minute", "30", "parley.limits.handshake-burst", "5");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aPeerThatStopsAnsweringPingsIsClosedAndGoesOffline() {
        TestUser ghost = TestUser.fresh("ghost");
        TestUser watcher = TestUser.fresh("watcher");
        try (WsClient stalled = WsClient.connectAndStall(chat(ghost.token()))) {
            given().auth().oauth2(watcher.token()).get("/api/v1/ws/online-users").then()
                    .body("online_users", hasItem(ghost.id()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(watcher.token())
                    .get("/api/v1/ws/online-users").then().body("online_users", not(hasItem(ghost.id()))));
        }
    }

    /**
     * The documented bound: closed within two ping intervals (1 s here) of the last
     * thing the peer sent, its {@code connected} being the last it read. Three peers
     * at different moments, so a check that runs only every interval cannot pass by
     * luck.
     */
    @Test
    void aSilentPeerIsClosedWithinTwoPingIntervals() throws Exception {
        TestUser watcher = TestUser.fresh("watcher");
        for (int i = 0; i < 3; i++) {
            TestUser ghost = TestUser.fresh("ghost");
            try (WsClient stalled = WsClient.connectAndStall(chat(ghost.token()))) {
                long silentSince = System.nanoTime();
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                        !given().auth().oauth2(watcher.token()).get("/api/v1/ws/online-users").then().extract()
                                .jsonPath().getList("online_users", Long.class).contains(ghost.id()));
                long millis = (System.nanoTime() - silentSince) / 1_000_000;
                assertTrue(millis <= 2_400, "ghost " + i + " went offline " + millis + " ms after its last frame");
            }
        }
    }

    @Test
    void anAnsweringPeerStaysConnected() {
        TestUser alive = TestUser.fresh("alive");
        try (ChatClient client = ChatClient.connect(base, alive.token())) {
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(client::isOpen);
            client.roundTrip();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // it spends this address's handshake budget
    void handshakesInALoopFromOneAddressGet429() {
        TestUser looper = TestUser.fresh("looper");
        int refused = 0;
        for (int i = 0; i < 12 && refused == 0; i++) {
            refused += handshakeStatus(chat(looper.token())) == 429 ? 1 : 0;
        }
        assertTrue(refused > 0, "a burst of handshakes from one address is refused");
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("parley_rejected_handshakes_total{reason=\"rate_limited\"}"));
    }

    private URI chat(String token) {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "ws/chat?token=" + token);
    }

    /** 101 (then closed at once) or the refusal's status. */
    private static int handshakeStatus(URI uri) {
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(uri, new WebSocket.Listener() { }).join();
            socket.abort();
            return 101;
        } catch (CompletionException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof WebSocketHandshakeException refused) {
                    return refused.getResponse().statusCode();
                }
                if (cause.getMessage() != null && cause.getMessage().contains("status code 429")) {
                    return 429; // how the JDK client reports a refused handshake
                }
            }
            throw e;
        }
    }
}
