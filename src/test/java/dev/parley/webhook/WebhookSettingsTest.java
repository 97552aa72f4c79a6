package dev.parley.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up check of {@link OutboxSwitch}: a URL without a secret, or a lease shorter than a request, stops the start. */
class WebhookSettingsTest {

    record Settings(Optional<String> url, Optional<String> secret, Duration leaseTime) implements WebhookConfig {
        public Duration unreadDelay() { return Duration.ofMinutes(10); }
        public int maxAttempts() { return 10; }
        public Duration backoffBase() { return Duration.ofSeconds(10); }
        public Duration backoffMax() { return Duration.ofHours(1); }
        public Duration requestTimeout() { return Duration.ofSeconds(10); }
        public int batchSize() { return 50; }
        public Duration pollInterval() { return Duration.ofSeconds(1); }
    }

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Test
    void offNeedsNothing() {
        assertEquals(List.of(), OutboxSwitch.problems(new Settings(Optional.empty(), Optional.empty(), LEASE)));
    }

    @Test
    void aUrlNeedsASecret() {
        List<String> problems = OutboxSwitch.problems(new Settings(Optional.of("https://hooks.example/parley"),
                Optional.empty(), LEASE));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("parley.webhooks.secret"), problems.getFirst());
        assertEquals(1, OutboxSwitch.problems(new Settings(Optional.of("https://hooks.example/parley"),
                Optional.of("  "), LEASE)).size(), "a blank secret is none");
    }

    @Test
    void theUrlMustBeHttpAndTheLeaseLongerThanARequest() {
        assertEquals(1, OutboxSwitch.problems(new Settings(Optional.of("ftp://hooks.example"), Optional.of("s"), LEASE)).size());
        assertEquals(1, OutboxSwitch.problems(new Settings(Optional.of("hooks.example/parley"), Optional.of("s"), LEASE)).size());
        assertEquals(1, OutboxSwitch.problems(new Settings(Optional.of("https://hooks.example"), Optional.of("s"),
                Duration.ofSeconds(15))).size());
        assertEquals(List.of(), OutboxSwitch.problems(new Settings(Optional.of("https://hooks.example"), Optional.of("s"), LEASE)));
    }
}
