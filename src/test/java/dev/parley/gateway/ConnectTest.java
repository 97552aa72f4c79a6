package dev.parley.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ConnectTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    @Test
    void connectedFrameNamesTheUserAndWhoIsOnline() {
        TestUser first = TestUser.fresh("first");
        TestUser john = TestUser.fresh("john_doe");
        try (ChatClient ignored = ChatClient.connect(base, first.token());
             ChatClient client = ChatClient.connect(base, john.token())) {
            JsonNode connected = client.connected();
            assertEquals(john.id(), connected.get("user_id").asLong());
            assertEquals(john.username(), connected.get("username").asText());
            List<Long> online = ids(connected.get("online_users"));
            assertTrue(online.contains(john.id()), "the user is online once connected");
            assertTrue(online.contains(first.id()), "other connected users are listed");
            Instant.parse(connected.get("timestamp").asText());
        }
    }

    @Test
    void connectingRecordsTheProfileFromTheToken() {
        TestUser user = TestUser.fresh("profiled");
        try (ChatClient ignored = ChatClient.connect(base, user.token())) {
            var row = db.query("SELECT username, avatar_url FROM users WHERE id = $1", user.id()).getFirst();
            assertEquals(user.username(), row.getString("username"));
            assertEquals("https://avatars.test/" + user.id() + ".png", row.getString("avatar_url"));
        }
        String renamed = user.claims().claim("preferred_username", "renamed_" + user.id()).sign();
        try (ChatClient client = ChatClient.connect(base, renamed)) {
            assertEquals("renamed_" + user.id(), client.connected().get("username").asText());
            assertEquals("renamed_" + user.id(),
                    db.query("SELECT username FROM users WHERE id = $1", user.id()).getFirst().getString(0));
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        try (ChatClient client = ChatClient.connect(base, TestUser.fresh("p").token())) {
            client.send("{\"type\":\"ping\"}");
            JsonNode pong = client.await("pong");
            Instant.parse(pong.get("timestamp").asText());
        }
    }

    @Test
    void userIsOnlineWhileAnyConnectionIsOpen() {
        TestUser user = TestUser.fresh("multi");
        TestUser observer = TestUser.fresh("observer");
        ChatClient tab1 = ChatClient.connect(base, user.token());
        ChatClient tab2 = ChatClient.connect(base, user.token());
        tab1.close();
        try (ChatClient watcher = ChatClient.connect(base, observer.token())) {
            assertTrue(ids(watcher.connected().get("online_users")).contains(user.id()));
        }
        tab2.close();
        org.awaitility.Awaitility.await().atMost(ChatClient.TIMEOUT).untilAsserted(() -> {
            try (ChatClient watcher = ChatClient.connect(base, observer.token())) {
                assertFalse(ids(watcher.connected().get("online_users")).contains(user.id()));
            }
        });
    }

    static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }
}
