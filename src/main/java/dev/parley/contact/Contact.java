package dev.parley.contact;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * Someone the caller may message: {@code presence} is {@code online} while they
 * have a connection anywhere in the cluster; {@code chat_id} is the pair's direct
 * chat once it exists.
 */
@RegisterForReflection
public record Contact(long id, String username, String avatarUrl, List<String> roles, String presence,
                      Instant lastSeen, Long chatId) {
}
