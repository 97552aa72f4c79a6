package dev.parley.devmode;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import dev.parley.user.UserService;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Set;

/**
 * {@code POST /api/dev/tokens}: mints access tokens for local trials. Exists only
 * in dev builds ({@link IfBuildProfile}), so no other build contains it.
 */
@Path("/api/dev/tokens")
@IfBuildProfile("dev")
public class DevTokenResource {

    @RegisterForReflection
    public record TokenRequest(Long userId, String username, Set<String> roles, String picture) {
    }

    @RegisterForReflection
    public record TokenResponse(String token, long userId, String username, Instant expiresAt) {
    }

    private final DevConfig config;
    private final UserService users;
    private final String issuer;

    DevTokenResource(DevConfig config, UserService users, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.config = config;
        this.users = users;
        this.issuer = issuer;
    }

    /** Also registers the user, so others can write to them before they connect. */
    @POST
    public Uni<TokenResponse> mint(TokenRequest request) {
        if (request == null || request.userId() == null || request.userId() < 1
                || request.username() == null || request.username().isBlank()) {
            throw new ChatException(ErrorCode.MISSING_FIELD, "Send {\"user_id\": 1, \"username\": \"alice\"}");
        }
        Instant expiresAt = Instant.now().plus(config.tokenLifespan());
        Set<String> roles = request.roles() == null ? Set.of("student") : request.roles();
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(String.valueOf(request.userId()))
                .claim("preferred_username", request.username())
                .groups(roles)
                .expiresAt(expiresAt);
        if (request.picture() != null) {
            claims.claim("picture", request.picture());
        }
        String token = claims.sign();
        return users.put(request.userId(), request.username(), request.picture(), roles)
                .map(user -> new TokenResponse(token, request.userId(), request.username(), expiresAt));
    }
}
