package dev.parley.error;

/** A send over the user's message rate; {@code retryAfterMillis} until the next one is allowed. */
public final class RateLimitedException extends ChatException {

    private final long retryAfterMillis;

    public RateLimitedException(long retryAfterMillis) {
        super(ErrorCode.RATE_LIMITED, "Too many messages; retry in " + retryAfterMillis + " ms");
        this.retryAfterMillis = retryAfterMillis;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
