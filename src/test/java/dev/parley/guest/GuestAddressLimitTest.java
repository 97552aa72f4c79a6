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

/** Guests behind one address share a message rate, whatever names they take. */
@QuarkusTest
@TestProfile(GuestAddressLimitTest.TightAddressLimit.class)
class GuestAddressLimitTest {

    /** Guests on, three messages at once per address, then one a minute. */
    public static class TightAddressLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.rooms.guests.enabled", "true",
                    "parley.rooms.guests.messages-per-address-per-minute", "1",
                    "parley.rooms.guests.message-burst-per-address", "3");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aNewNameDoesNotBuyNewMessages() {
        String room = "limited-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        try (GuestClient first = GuestClient.open(base, "/ws/" + room + "/first");
             GuestClient second = GuestClient.open(base, "/ws/chat/" + room + "/second")) {
            for (int i = 1; i <= 3; i++) {
                first.send("{\"type\":\"message\",\"content\":\"m" + i + "\"}");
                first.awaitContent("m" + i);
            }
            first.send("{\"type\":\"message\",\"content\":\"one too many\"}");
            JsonNode refused = first.await("error");
            assertEquals("rate_limited", refused.get("code").asText());
            assertTrue(refused.get("retry_after_ms").asLong() > 0);

            second.send("{\"type\":\"message\",\"content\":\"same address\"}");
            assertEquals("rate_limited", second.await("error").get("code").asText(),
                    "the per-name limit alone would have let this one through");
        }
    }
}
