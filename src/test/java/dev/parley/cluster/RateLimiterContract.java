package dev.parley.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link RateLimiter} promises; run against each implementation. */
abstract class RateLimiterContract {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final double ONE_A_MINUTE = 1 / 60_000.0;

    final Ports ports = new Ports();
    RateLimiter limiter;

    abstract RateLimiter create(Ports ports);

    @BeforeEach
    void start() {
        limiter = create(ports);
    }

    @AfterEach
    void stop() throws Exception {
        ports.close();
    }

    @Test
    void theBurstIsAllowedThenTheWaitIsToldAndKeysAreApart() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0L, limiter.take("a", ONE_A_MINUTE, 3).await().atMost(WAIT), "token " + i);
        }
        long wait = limiter.take("a", ONE_A_MINUTE, 3).await().atMost(WAIT);
        assertTrue(wait > 50_000 && wait <= 60_000, "about a minute until the next token: " + wait);
        assertEquals(0L, limiter.take("b", ONE_A_MINUTE, 3).await().atMost(WAIT), "another key has its own bucket");
    }
}
