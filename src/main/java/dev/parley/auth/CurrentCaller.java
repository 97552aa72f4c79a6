package dev.parley.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.json.JsonString;

import java.time.Instant;
import java.util.Set;

/** Turns the verified token of a {@link SecurityIdentity} into a {@link Caller}. */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller of the current request or WebSocket callback. */
    public Caller get() {
        return of(identity);
    }

    /** Whether the current request or connection was opened with a verified token. */
    public boolean isPresent() {
        return isToken(identity);
    }

    /** Whether {@code identity} comes from a verified token (a REST request's, or a connection's without it). */
    public static boolean isToken(SecurityIdentity identity) {
        return identity != null
                && (identity.getPrincipal() instanceof JsonWebToken || identity.getPrincipal() instanceof CallerPrincipal);
    }

    public Caller of(SecurityIdentity identity) {
        return switch (identity.getPrincipal()) {
            case CallerPrincipal principal -> principal.caller();
            case JsonWebToken jwt -> fromToken(jwt);
            case null, default -> throw new AuthenticationFailedException("Not authenticated with a JWT");
        };
    }

    static Caller fromToken(JsonWebToken jwt) {
        Set<String> roles = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        if (roles.contains(Caller.SERVICE)) {
            return new Caller(0, jwt.getSubject(), null, roles, Instant.ofEpochSecond(jwt.getExpirationTime()));
        }
        long id = userId(jwt.getSubject());
        String username = firstNonBlank(claimText(jwt, Claims.preferred_username.name()),
                claimText(jwt, Claims.upn.name()), "user" + id);
        return new Caller(id, username, claimText(jwt, "picture"), roles,
                Instant.ofEpochSecond(jwt.getExpirationTime()));
    }

    /** The {@code sub} claim must be a positive number: it is the user's id everywhere in Parley. */
    static long userId(String subject) {
        try {
            long id = Long.parseLong(subject);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | NullPointerException ignored) {
            // falls through to the refusal below
        }
        throw new AuthenticationFailedException("The token's sub claim is not a positive numeric user id");
    }

    /** A string claim, whether the token library hands it over as a String or as a JSON string. */
    static String claimText(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value instanceof String text ? text : null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalArgumentException("no value");
    }
}
