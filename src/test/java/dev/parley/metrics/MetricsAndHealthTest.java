package dev.parley.metrics;

import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's metrics move when people chat, and the health probes report PostgreSQL and Redis. */
@QuarkusTest
class MetricsAndHealthTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void countersMoveWithConnectionsMessagesAndErrors() {
        double connections = metric("ws_connections_total");
        double sent = metric("ws_messages_sent_total");
        double errors = metric("parley_error_frames_total{code=\"invalid_json\"}");
        TestUser a = TestUser.fresh("a");
        TestUser b = TestUser.fresh("b");
        try (ChatClient alice = ChatClient.connect(base, a.token());
             ChatClient bob = ChatClient.connect(base, b.token())) {
            assertTrue(metric("ws_active_connections") >= 2);
            alice.send(Map.of("type", "message", "recipient_id", b.id(), "content", "counted"));
            bob.await("message");
            alice.send("not json");
            alice.await("error");
        }
        assertEquals(connections + 2, metric("ws_connections_total"));
        assertEquals(sent + 1, metric("ws_messages_sent_total"));
        assertEquals(errors + 1, metric("parley_error_frames_total{code=\"invalid_json\"}"));
        assertTrue(metric("parley_message_send_seconds_count") >= 1);
        assertTrue(metric("parley_message_persist_seconds_count") >= 1);
        assertTrue(metric("parley_redis_publish_seconds_count") >= 1);
        assertTrue(metric("parley_fanout_lag_seconds_count") >= 1);
    }

    @Test
    void healthProbesCoverTheDatabaseAndTheCluster() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "Parley cluster (memory)"));
    }

    /** A value from /q/metrics; 0 when the series does not exist yet. */
    private static double metric(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher match = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(text);
        return match.find() ? Double.parseDouble(match.group(1)) : 0;
    }
}
