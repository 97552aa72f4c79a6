package dev.parley.auth;

import java.time.Instant;
import java.util.Set;

/**
 * The authenticated user behind a connection or request, read from the token's
 * claims: {@code sub} (numeric id), {@code preferred_username} or {@code upn},
 * {@code picture} and {@code groups}.
 */
public record Caller(long id, String username, String avatarUrl, Set<String> roles, Instant expiresAt) {

    public static final String ADMIN = "admin";

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }
}
