package dev.parley.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1));

    @Test
    void doublesFromTheBaseUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(10), backoff.nominal(1));
        assertEquals(Duration.ofSeconds(20), backoff.nominal(2));
        assertEquals(Duration.ofSeconds(2560), backoff.nominal(9));
        assertEquals(Duration.ofHours(1), backoff.nominal(10));
        assertEquals(Duration.ofHours(1), backoff.nominal(1000), "no overflow");
    }

    @Test
    void jitterDrawsBetweenHalfAndAllOfTheNominalWait() {
        Random random = new Random(42);
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int i = 0; i < 1000; i++) {
            long wait = backoff.after(3, random).toMillis();
            shortest = Math.min(shortest, wait);
            longest = Math.max(longest, wait);
        }
        assertTrue(shortest >= 20_000 && longest <= 40_000, shortest + ".." + longest);
        assertTrue(longest - shortest > 15_000, "spread: " + shortest + ".." + longest);
    }
}
