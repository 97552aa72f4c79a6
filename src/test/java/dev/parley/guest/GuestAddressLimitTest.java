package dev.parley.guest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guests behind one address share a message rate, whatever names they take; each name has its own too. */
@QuarkusTest
@TestProfile(GuestAddressLimitTest.TightAddressLimit.class)
class GuestAddressLimitTest {

    /** Guests on; four messages at once per address and two per name, then one a minute. */
    public static class TightAddressLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.rooms.guests.enabled", "true",
                    "parley.rooms.guests.messages-per-address-per-minute", "1",
                    "parley.rooms.guests.message-burst-per-address", "4",
                    "parley.limits.messages-per-minute", "1",
                    "parley.limits.message-burst", "2");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void eachNameHasItsLimitAndANewNameDoesNotBuyTheAddressNewMessages() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String room = "limited-" + suffix;
        try (GuestClient first = GuestClient.open(base, "/ws/" + room + "/first" + suffix);
             GuestClient second = GuestClient.open(base, "/ws/chat/" + room + "/second" + suffix)) {
            for (int i = 1; i <= 2; i++) {
                first.send("{\"type\":\"message\",\"content\":\"m" + i + "\"}");
                first.awaitContent("m" + i);
            }
            first.send("{\"type\":\"message\",\"content\":\"one too many for this name\"}");
            JsonNode refused = first.await("error");
            assertEquals("rate_limited", refused.get("code").asText(), "the name's own limit, the address had tokens left");
            assertTrue(refused.get("retry_after_ms").asLong() > 0);

            second.send("{\"type\":\"message\",\"content\":\"s1\"}");
            second.awaitContent("s1"); // a new name has its own tokens, and the address still had one
            second.send("{\"type\":\"message\",\"content\":\"s2\"}");
            assertEquals("rate_limited", second.await("error").get("code").asText(),
                    "the address's limit: the name alone would have let this one through");
        }
    }
}
