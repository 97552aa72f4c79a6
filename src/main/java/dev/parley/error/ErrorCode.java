package dev.parley.error;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Stable, machine-readable error codes. They appear as {@code code} in WebSocket
 * {@code error} frames and in REST error bodies; clients may switch on them.
 */
public enum ErrorCode {
    INVALID_JSON(400),
    UNKNOWN_TYPE(400),
    MISSING_FIELD(400),
    INVALID_FIELD(400),
    EMPTY_CONTENT(400),
    CONTENT_TOO_LONG(400),
    INVALID_RECIPIENT(400),
    UNKNOWN_RECIPIENT(404),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    UNSUPPORTED_MEDIA_TYPE(415),
    FORBIDDEN(403),
    /** The resource is no longer in a state that allows this (a report already resolved). */
    CONFLICT(409),
    UNAUTHORIZED(401),
    RATE_LIMITED(429),
    UNAVAILABLE(503),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The status a REST endpoint answers with when it fails with this code. */
    public int httpStatus() {
        return httpStatus;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }
}
