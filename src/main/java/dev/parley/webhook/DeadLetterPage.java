package dev.parley.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** One page of dead letters, newest first; {@code next_offset} asks for the next one while {@code has_more}. */
@RegisterForReflection
public record DeadLetterPage(List<DeadLetter> deadLetters, boolean hasMore, Integer nextOffset) {
}
