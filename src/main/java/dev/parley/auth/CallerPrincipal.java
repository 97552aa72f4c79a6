package dev.parley.auth;

import java.security.Principal;

/**
 * The principal of a WebSocket connection's identity: the {@link Caller} its
 * verified token named, and nothing of the token itself. websockets-next keeps a
 * connection's identity for the connection's life, and smallrye-jwt's identity
 * holds the raw token, its parsed claims and the upgrade request's routing
 * context (whose URI and parameters hold the token again), kilobytes per idle
 * connection; {@link AccessTokenAugmentor} swaps it for this once verified.
 */
public record CallerPrincipal(Caller caller) implements Principal {

    @Override
    public String getName() {
        return caller.username();
    }
}
