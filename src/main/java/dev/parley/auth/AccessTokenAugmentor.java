package dev.parley.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Accepts only access tokens whose subject is a user id, or service tokens
 * ({@code groups} contain {@code service}, any non-blank {@code sub}). A refresh token (a
 * {@code token_type} or {@code type} claim equal to {@code refresh}) is refused
 * like a bad signature: 401 and, on WebSocket, no upgrade.
 *
 * <p>A WebSocket upgrade's identity lives as long as its connection, so there the
 * accepted token is replaced by its {@link Caller} ({@link CallerPrincipal}):
 * the identity keeps the roles and drops the token, its claims and its own
 * reference to the upgrade request. REST requests keep smallrye-jwt's identity,
 * which ends with the request.
 */
@ApplicationScoped
public class AccessTokenAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        if (isRefreshToken(jwt)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Refresh tokens are not accepted"));
        }
        if (jwt.getGroups() != null && jwt.getGroups().contains(Caller.SERVICE)) {
            return jwt.getSubject() == null || jwt.getSubject().isBlank()
                    ? Uni.createFrom().failure(new AuthenticationFailedException("A service token needs a sub claim"))
                    : Uni.createFrom().item(identity);
        }
        try {
            CurrentCaller.userId(jwt.getSubject());
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().item(isWebSocketUpgrade(identity) ? withoutToken(jwt, identity) : identity);
    }

    private static boolean isWebSocketUpgrade(SecurityIdentity identity) {
        RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(identity);
        return request != null && "websocket".equalsIgnoreCase(request.request().getHeader(HttpHeaders.UPGRADE));
    }

    private static SecurityIdentity withoutToken(JsonWebToken jwt, SecurityIdentity identity) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new CallerPrincipal(CurrentCaller.fromToken(jwt)))
                .addRoles(identity.getRoles())
                .build();
    }

    private static boolean isRefreshToken(JsonWebToken jwt) {
        return "refresh".equals(CurrentCaller.claimText(jwt, "token_type"))
                || "refresh".equals(CurrentCaller.claimText(jwt, "type"));
    }
}
