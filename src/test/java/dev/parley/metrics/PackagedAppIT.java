package dev.parley.metrics;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged artifact, whatever it is (the jar here; the native executable where
 * GraalVM or Mandrel is available): it starts, reports healthy, exposes its metrics,
 * and guards its API.
 */
@QuarkusIntegrationTest
class PackagedAppIT {

    @Test
    void startsHealthyWithMetrics() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("ws_active_connections"))
                .body(containsString("ws_connections_total"));
    }

    @Test
    void refusesAnonymousCalls() {
        given().get("/api/v1/users/me").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .get("/ws/chat").then().statusCode(401);
        given().post("/api/dev/tokens").then().statusCode(404);
    }
}
