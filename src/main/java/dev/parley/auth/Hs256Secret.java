package dev.parley.auth;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

/**
 * The HS256 key made from {@code parley.auth.hs256-secret}: the secret's UTF-8
 * bytes, as a Python or Node backend signing with the same string uses them.
 * RFC 7518 (3.2) asks for a key at least as long as the hash: 256 bits. A PEM
 * key is refused: a public key is public, so anyone could sign with it.
 */
final class Hs256Secret {

    static final int MIN_BYTES = 32;

    private Hs256Secret() {
    }

    /** The key, or an {@link IllegalArgumentException} that says how to fix the setting. */
    static SecretKey of(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("parley.auth.hs256-secret is " + bytes.length
                    + " bytes long; an HS256 secret must have at least " + MIN_BYTES
                    + " bytes (256 bits): use a longer random value, or unset it to accept RS256 tokens only");
        }
        if (secret.contains("-----BEGIN")) {
            throw new IllegalArgumentException("parley.auth.hs256-secret holds a PEM key; a public key is no secret "
                    + "(anyone could sign HS256 tokens with it): use a random value known only to the token issuer");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
