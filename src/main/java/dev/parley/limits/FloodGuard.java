package dev.parley.limits;

import io.quarkus.websockets.next.CloseReason;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A generous per-connection limit on frames of any type: a client beyond
 * {@code parley.limits.frames-per-second} (burst {@code frame-burst}) is not
 * chatting but flooding, and its connection is closed with 1008. The bucket
 * lives in the connection's session.
 */
@ApplicationScoped
public class FloodGuard {

    public static final CloseReason FLOODING = new CloseReason(1008, "too many frames");

    private final LimitsConfig config;

    FloodGuard(LimitsConfig config) {
        this.config = config;
    }

    /** A full bucket for a new connection. */
    public TokenBucket newBucket() {
        return new TokenBucket(config.frameBurst(), config.framesPerSecond() / 1000.0);
    }
}
