package dev.parley.limits;

/**
 * A local token bucket: {@code burst} tokens, refilled at {@code perMillisecond}.
 * Synchronized: a connection's frames may be handled on different threads over
 * its life.
 */
public final class TokenBucket {

    private final double burst;
    private final double perMillisecond;
    private double tokens;
    private long at = System.currentTimeMillis();

    public TokenBucket(double burst, double perMillisecond) {
        this.burst = burst;
        this.perMillisecond = perMillisecond;
        this.tokens = burst;
    }

    /** Takes a token; false when there is none. */
    public synchronized boolean take() {
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
