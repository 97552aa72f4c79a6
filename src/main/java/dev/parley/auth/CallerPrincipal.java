package dev.parley.auth;

import java.security.Principal;

/**
 * The principal of a WebSocket connection's identity: the {@link Caller} its
 * verified token named, and nothing of the token itself. websockets-next keeps a
 * connection's identity for the connection's life, and smallrye-jwt's identity
 * holds the raw token and its parsed claims, 1.8 KiB of an idle connection's heap
 * (docs/performance.md); {@link AccessTokenAugmentor} swaps it for this once
 * verified.
 */
public record CallerPrincipal(Caller caller) implements Principal {

    @Override
    public String getName() {
        return caller.username();
    }
}
