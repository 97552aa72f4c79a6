package dev.parley.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** An event whose last attempt failed, as {@code GET /api/v1/webhooks/dead-letters} lists it. */
@RegisterForReflection
public record DeadLetter(UUID id, String type, long userId, long messageId, int attempts, String lastError,
                         Instant createdAt, Instant lastAttemptAt, Instant deadAt) {
}
