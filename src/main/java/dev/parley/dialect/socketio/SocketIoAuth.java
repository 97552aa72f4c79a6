package dev.parley.dialect.socketio;

import dev.parley.auth.Caller;
import dev.parley.auth.CurrentCaller;
import dev.parley.error.Outages;
import dev.parley.user.UserService;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Verifies the token of Socket.IO's {@code auth: {token}} exactly as a chat
 * handshake does: smallrye-jwt's identity provider and Parley's augmentor
 * (signature, issuer, expiry, no refresh tokens, a numeric {@code sub}), then no
 * service tokens and no deleted users, recording the caller's profile as
 * {@code user.DeletedUserCheck} does. Each refusal says what to do.
 */
@ApplicationScoped
public class SocketIoAuth {

    /** A refusal: its message goes to the client in {@code connect_error}. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final IdentityProviderManager identities;
    private final CurrentCaller callers;
    private final UserService users;

    SocketIoAuth(IdentityProviderManager identities, CurrentCaller callers, UserService users) {
        this.identities = identities;
        this.callers = callers;
        this.users = users;
    }

    Uni<Caller> verify(String token) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().failure(new Refused("Authentication required: connect with auth: {token: <access token>}"));
        }
        return identities.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)))
                .onFailure().transform(failure -> {
                    Log.debugf("Socket.IO token refused: %s", failure.getMessage());
                    return new Refused("Invalid or expired access token");
                })
                .map(callers::of)
                .chain(caller -> {
                    if (caller.isService()) {
                        throw new Refused("Service tokens are for the server API, not chat connections");
                    }
                    return users.record(caller)
                            .onFailure(Outages::isOutage).transform(outage -> new Refused("Temporarily unavailable, please retry"))
                            .map(deleted -> {
                                if (deleted) {
                                    throw new Refused("This account was deleted");
                                }
                                return caller;
                            });
                });
    }
}
