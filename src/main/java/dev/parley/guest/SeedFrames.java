package dev.parley.guest;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * What a guest room's connection and REST answers carry, in seed 002's shapes
 * (its {@code Message}, {@code UserJoinedMessage} and {@code UserLeftMessage}),
 * plus an error frame the seed does not have. Jackson writes them snake_case.
 */
final class SeedFrames {

    static final String MESSAGE = "message";
    static final String USER_JOINED = "user_joined";
    static final String USER_LEFT = "user_left";
    static final String ERROR = "error";

    private SeedFrames() {
    }

    /** A chat message: {@code id} is Parley's message id as a string, {@code timestamp} when it was stored. */
    @RegisterForReflection
    record Message(String id, String username, String content, Instant timestamp, String messageType) {
        Message(long id, String username, String content, Instant timestamp) {
            this(String.valueOf(id), username, content, timestamp, MESSAGE);
        }
    }

    /** {@code user_joined} or {@code user_left}. */
    @RegisterForReflection
    record Notice(String username, String messageType, Instant timestamp) {
    }

    /** A refused frame or connection; {@code code} is one of Parley's error codes. */
    @RegisterForReflection
    record Error(String messageType, String code, String message, Long retryAfterMs, Instant timestamp) {
    }
}
