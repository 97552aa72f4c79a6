package dev.parley.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How many dead letters a replay made pending again. */
@RegisterForReflection
public record Replayed(long replayed) {
}
