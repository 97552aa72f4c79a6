package dev.parley.dialect.socketio;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With {@code parley.socketio.enabled=false} neither Socket.IO transport answers. */
@QuarkusTest
@TestProfile(SocketIoOffTest.Off.class)
class SocketIoOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.socketio.enabled", "false");
        }
    }

    @Test
    void pollingAndWebSocketAnswer404() {
        given().get("/socket.io/?EIO=4&transport=polling").then().statusCode(404);
        given().header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .get("/socket.io/?EIO=4&transport=websocket")
                .then().statusCode(404).body("code", equalTo("not_found"));
    }
}
