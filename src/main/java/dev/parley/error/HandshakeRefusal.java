package dev.parley.error;

/**
 * A WebSocket handshake refused with a status and the JSON error body: an upgrade
 * check fails with this, and {@link RouteFailureHandler} writes the answer.
 */
public final class HandshakeRefusal extends RuntimeException {

    private final ErrorCode code;

    public HandshakeRefusal(ErrorCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
