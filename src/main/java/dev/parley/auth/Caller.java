package dev.parley.auth;

import java.time.Instant;
import java.util.Set;

/**
 * The authenticated user behind a connection or request, read from the token's
 * claims: {@code sub} (numeric id), {@code preferred_username} or {@code upn},
 * {@code picture} and {@code groups}. A token whose {@code groups} contain
 * {@code service} is the platform's backend, not a user: its id is 0 and its
 * username the token's {@code sub}.
 */
public record Caller(long id, String username, String avatarUrl, Set<String> roles, Instant expiresAt) {

    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";
    public static final String MENTOR = "mentor";
    public static final String STUDENT = "student";
    /** A display name in a seed 002/003 guest room: no account, no token (dev.parley.guest). */
    public static final String GUEST = "guest";
    /** The roles a user account carries (a service is not a user). */
    public static final Set<String> USER_ROLES = Set.of(STUDENT, MENTOR, ADMIN);

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    /** The platform's backend (a service token). */
    public boolean isService() {
        return roles.contains(SERVICE);
    }

    /** A guest of a seed 002/003 room, identified by a display name only. */
    public boolean isGuest() {
        return roles.contains(GUEST);
    }

    /** An admin or the platform's backend: may manage any group, user or mentorship. */
    public boolean isPrivileged() {
        return isAdmin() || isService();
    }
}
