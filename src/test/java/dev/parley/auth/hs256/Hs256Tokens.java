package dev.parley.auth.hs256;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

/**
 * HS256 tokens written by hand, as seed 001's Python backend signs them
 * ({@code jwt.encode(claims, SECRET_KEY, algorithm="HS256")}), with any claims
 * left out: a builder would add the ones under test.
 */
final class Hs256Tokens {

    static final String ISSUER = "https://parley.test";

    private Hs256Tokens() {
    }

    /** A valid access token for {@code userId}: issuer, subject, username, five minutes. */
    static String access(long userId, String secret) {
        return sign(claims(userId, ISSUER, Instant.now().plusSeconds(300), ""), secret);
    }

    static String claims(long userId, String issuer, Instant expiry, String extra) {
        return "{" + (issuer == null ? "" : "\"iss\":\"" + issuer + "\",") + "\"sub\":\"" + userId + "\","
                + "\"preferred_username\":\"hs_" + userId + "\",\"iat\":" + Instant.now().minusSeconds(1).getEpochSecond()
                + (expiry == null ? "" : ",\"exp\":" + expiry.getEpochSecond()) + extra + "}";
    }

    static String sign(String claims, String secret) {
        return sign(claims, secret.getBytes(StandardCharsets.UTF_8));
    }

    static String sign(String claims, byte[] secret) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
