package dev.parley.limits;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A generous per-connection limit on frames of any type: a client beyond
 * {@code parley.limits.frames-per-second} (burst {@code frame-burst}) is not
 * chatting but flooding, and its connection is closed with 1008.
 */
@ApplicationScoped
public class FloodGuard {

    public static final CloseReason FLOODING = new CloseReason(1008, "too many frames");
    private static final TypedKey<Bucket> BUCKET = new TypedKey<>("parley.flood");

    private final LimitsConfig config;

    FloodGuard(LimitsConfig config) {
        this.config = config;
    }

    /** Counts a frame; false when the connection went over the limit. */
    public boolean admit(WebSocketConnection connection) {
        Bucket bucket = connection.userData().get(BUCKET);
        if (bucket == null) {
            bucket = new Bucket(config.frameBurst(), config.framesPerSecond() / 1000.0);
            connection.userData().put(BUCKET, bucket);
        }
        return bucket.take();
    }

    /** A local token bucket; frames of one connection arrive one at a time. */
    static final class Bucket {
        private final double burst;
        private final double perMillisecond;
        private double tokens;
        private long at = System.currentTimeMillis();

        Bucket(double burst, double perMillisecond) {
            this.burst = burst;
            this.perMillisecond = perMillisecond;
            this.tokens = burst;
        }

        synchronized long idleFor() {
            return System.currentTimeMillis() - at;
        }

        synchronized boolean take() {
            long now = System.currentTimeMillis();
            tokens = Math.min(burst, tokens + (now - at) * perMillisecond);
            at = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
