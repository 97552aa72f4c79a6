package dev.parley.dialect.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Socket.IO events count against the same limits as /ws/chat frames (the default limits here). */
@QuarkusTest
@TestProfile(SocketIoLimitsTest.DefaultLimits.class)
class SocketIoLimitsTest {

    /** The shipped limits, as LimitsTest runs them. */
    public static class DefaultLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.limits.messages-per-minute", "100", "parley.limits.message-burst", "20",
                    "parley.limits.frames-per-second", "20", "parley.limits.frame-burst", "40");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aFloodOfEventsEndsTheSession() {
        TestUser target = TestUser.fresh("target").registered();
        try (SocketIoClient a = SocketIoClient.connect(base, TestUser.fresh("flooder").token(), List.of("websocket"),
                false)) {
            a.awaitConnect();
            for (int i = 0; i < 100; i++) {
                a.emit("typing", Map.of("recipientId", target.id()));
            }
            assertEquals("transport close", a.await("disconnect").path("reason").asText());
        }
    }

    @Test
    void theMessageRateAppliesWithRetryAfter() {
        TestUser target = TestUser.fresh("target").registered();
        try (SocketIoClient a = SocketIoClient.connect(base, TestUser.fresh("chatty").token(), List.of("websocket"),
                false)) {
            a.awaitConnect();
            int last = 0;
            for (int i = 0; i < 25; i++) {
                last = a.emitWithAck("send_message", Map.of("recipientId", target.id(), "content", "m" + i));
            }
            JsonNode refused = a.awaitAck(last).path(0).path("error");
            assertEquals("rate_limited", refused.path("code").asText());
            assertTrue(refused.path("retryAfterMs").asLong() > 0);
        }
    }
}
