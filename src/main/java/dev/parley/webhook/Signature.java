package dev.parley.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** The {@code X-Parley-Signature} value: {@code sha256=} and the hex HMAC-SHA256 of the raw body. */
final class Signature {

    static final String HEADER = "X-Parley-Signature";

    private Signature() {
    }

    static String of(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // not thread-safe, and cheap to make
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
