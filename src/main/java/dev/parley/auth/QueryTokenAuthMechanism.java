package dev.parley.auth;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Browsers cannot set headers on a WebSocket handshake, so a WebSocket upgrade
 * may carry its JWT as {@code ?token=}. The token is verified exactly like a
 * bearer header (smallrye-jwt's identity provider); plain HTTP requests must use
 * the {@code Authorization} header, which keeps tokens out of REST access logs.
 * On {@link #REFUSE_AFTER_UPGRADE} (seed 003) a refused query token does not fail
 * the handshake: the upgrade goes ahead unauthenticated and the endpoint closes
 * it with 4001, a code a browser can read where it cannot read a 401.
 */
@ApplicationScoped
public class QueryTokenAuthMechanism implements HttpAuthenticationMechanism {

    static final String PARAM = "token";
    /** The path whose token is refused after the upgrade rather than with a 401. */
    public static final String REFUSE_AFTER_UPGRADE = "/ws/auth";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = context.request().getParam(PARAM);
        if (token == null || token.isEmpty() || !isWebSocketUpgrade(context)) {
            return Uni.createFrom().nullItem();
        }
        var request = new TokenAuthenticationRequest(new JsonWebTokenCredential(token));
        Uni<SecurityIdentity> identity = identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(request, context));
        return REFUSE_AFTER_UPGRADE.equals(context.normalizedPath())
                ? identity.onFailure(AuthenticationFailedException.class).recoverWithNull()
                : identity;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** Tried before the header mechanism, so an explicit query token wins. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1;
    }

    private static boolean isWebSocketUpgrade(RoutingContext context) {
        return "websocket".equalsIgnoreCase(context.request().getHeader(HttpHeaderNames.UPGRADE));
    }
}
