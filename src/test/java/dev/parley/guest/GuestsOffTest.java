package dev.parley.guest;

import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Guest rooms are off by default: their paths do not upgrade and the room API needs a token, as before. */
@QuarkusTest
class GuestsOffTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theGuestPathsAnswer404() {
        assertEquals(404, GuestClient.refusedStatus(base, "/ws/general/john"));
        assertEquals(404, GuestClient.refusedStatus(base, "/ws/chat/general/john"));
        assertEquals(404, GuestClient.refusedStatus(base, "/ws/guests/general/john"));
    }

    @Test
    void theRefusalSaysWhy() {
        given().header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .get("/ws/chat/general/john")
                .then().statusCode(404).body("code", equalTo("not_found"))
                .body("message", equalTo("Guest rooms are off on this server (parley.rooms.guests.enabled)"));
    }

    @Test
    void theRoomApiStillNeedsAToken() {
        given().get("/api/rooms").then().statusCode(401);
        given().get("/api/rooms/general/users").then().statusCode(401);
        given().get("/api/rooms/general/messages").then().statusCode(401);
    }

    @Test
    void parleysRoomPathIsUntouched() {
        TestUser erin = TestUser.fresh("erin");
        try (ChatClient room = ChatClient.connect(base, "/ws/rooms/off-" + erin.id(), erin.token())) {
            assertEquals(erin.id(), room.connected().get("user_id").asLong());
        }
    }
}
