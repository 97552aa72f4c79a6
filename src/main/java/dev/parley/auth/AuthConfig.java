package dev.parley.auth;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** How tokens are verified beyond {@code mp.jwt.*} ({@code parley.auth.*}). */
@ConfigMapping(prefix = "parley.auth")
public interface AuthConfig {

    /**
     * A shared secret (its UTF-8 bytes, at least 32 of them: 256 bits) with which
     * tokens signed HS256 are verified, next to the RS256 tokens of
     * {@code mp.jwt.verify.publickey.location}, for a backend that signs its own
     * tokens (seed 001's {@code SECRET_KEY}, {@code ALGORITHM=HS256}). Unset (the
     * default): RS256 only.
     */
    Optional<String> hs256Secret();
}
