package dev.parley.error;

/**
 * A refusal the client caused and can understand: becomes an {@code error}
 * frame on WebSocket and a JSON error body on REST. Carries no stack trace:
 * it is an answer, not a bug.
 */
public class ChatException extends RuntimeException {

    private final ErrorCode code;

    public ChatException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
