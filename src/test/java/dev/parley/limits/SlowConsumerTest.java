package dev.parley.limits;

import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import dev.parley.support.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that stops reading while others flood it: the replica does not queue
 * without bound but closes it with 1013, and everyone else carries on.
 */
@QuarkusTest
@TestProfile(SlowConsumerTest.SmallQueue.class)
class SlowConsumerTest {

    /** A small outbound queue, and no flood limit on the senders. */
    public static class SmallQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.limits.outbound-queue", "64",
                    "parley.limits.frames-per-second", "100000", "parley.limits.frame-burst", "100000");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aConsumerThatStopsReadingIsClosedWith1013AndOthersCarryOn() {
        TestUser slow = TestUser.fresh("slow");
        TestUser sender = TestUser.fresh("sender");
        TestUser bystander = TestUser.fresh("bystander");
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "ws/chat?token=" + slow.token());
        String content = "x".repeat(3_900);
        long heapBefore = heapAfterGc();
        try (WsClient stalled = WsClient.connectAndStall(ws);
             ChatClient flood = ChatClient.connect(base, sender.token());
             ChatClient other = ChatClient.connect(base, bystander.token())) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (int i = 0; i < 200; i++) {
                    flood.send(Map.of("type", "message", "recipient_id", slow.id(), "content", content));
                }
                flood.roundTrip();
                return metrics().contains("code=\"1013\"");
            });
            flood.send(Map.of("type", "message", "recipient_id", bystander.id(), "content", "still fine"));
            assertEquals("still fine", other.await("message").get("content").asText());
        }
        // The service runs in this JVM: what the flood left behind is on this heap. Without the
        // bound, every flooded frame (4 KB each, thousands of them) would still be queued.
        long grown = heapAfterGc() - heapBefore;
        assertTrue(grown < 64L * 1024 * 1024, "heap grew by " + grown / 1024 + " KiB during the flood");
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
