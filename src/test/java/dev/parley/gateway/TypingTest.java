package dev.parley.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TypingTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void typingStartsByDefaultAndCanStop() {
        TestUser a = TestUser.fresh("mentor_bob");
        TestUser b = TestUser.fresh("b");
        try (ChatClient bob = ChatClient.connect(base, a.token());
             ChatClient other = ChatClient.connect(base, b.token())) {
            bob.send(Map.of("type", "typing", "recipient_id", b.id()));
            JsonNode started = other.await("typing");
            assertEquals(a.id(), started.get("user_id").asLong());
            assertEquals(a.username(), started.get("username").asText());
            assertTrue(started.get("is_typing").asBoolean());
            assertTrue(started.has("timestamp"));

            bob.send(Map.of("type", "typing", "recipient_id", b.id(), "is_typing", false));
            assertFalse(other.await("typing").get("is_typing").asBoolean());

            bob.roundTrip();
            assertTrue(bob.pending("typing").isEmpty(), "the typist does not get their own typing");
        }
    }

    @Test
    void typingToAnUnknownUserOrToYourselfIsRefused() {
        TestUser a = TestUser.fresh("a");
        try (ChatClient alice = ChatClient.connect(base, a.token())) {
            alice.send(Map.of("type", "typing", "recipient_id", a.id() + 999_999));
            assertEquals("unknown_recipient", alice.await("error").get("code").asText());
            alice.send(Map.of("type", "typing", "recipient_id", a.id()));
            assertEquals("invalid_recipient", alice.await("error").get("code").asText());
        }
    }
}
