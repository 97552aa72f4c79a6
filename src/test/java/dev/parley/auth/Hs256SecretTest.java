package dev.parley.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shared secret shorter than 256 bits stops the service from starting, with a message that says why. */
class Hs256SecretTest {

    @Test
    void aShortSecretIsRefusedWithAClearMessage() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> Hs256Secret.of("your-secret-key"));
        assertTrue(refusal.getMessage().contains("parley.auth.hs256-secret is 15 bytes long"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("at least 32 bytes (256 bits)"), refusal.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hs256Secret.of("x".repeat(31)));
    }

    @Test
    void aPemKeyIsNoSecret() {
        String pem = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----\n";
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> Hs256Secret.of(pem));
        assertTrue(refusal.getMessage().contains("a public key is no secret"), refusal.getMessage());
    }

    @Test
    void thirtyTwoBytesAreEnough() {
        assertEquals(32, Hs256Secret.of("é".repeat(16)).getEncoded().length, "bytes, not characters, count");
        assertEquals("HmacSHA256", Hs256Secret.of("x".repeat(32)).getAlgorithm());
    }
}
