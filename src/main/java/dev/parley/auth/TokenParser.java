package dev.parley.auth;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;

/**
 * The parser smallrye-jwt verifies every token with: RS256 against
 * {@code mp.jwt.verify.*}, as configured, and, only when
 * {@code parley.auth.hs256-secret} is set, HS256 against that secret. The header's
 * {@code alg} picks which of the two verifies a token, and each accepts its own
 * algorithm only: an HS256 token is never checked against the public key, so one
 * signed with the public key as its secret (algorithm confusion) is refused
 * whether or not a secret is set. Both require the configured issuer and an
 * {@code exp}; refresh tokens are refused afterwards ({@link AccessTokenAugmentor}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TokenParser implements JWTParser {

    private final DefaultJWTParser parser;
    private final JWTAuthContextInfo hs256;

    TokenParser(DefaultJWTParser parser, JWTAuthContextInfo rs256, AuthConfig config) {
        this.parser = parser;
        this.hs256 = config.hs256Secret().map(secret -> hs256(rs256, Hs256Secret.of(secret))).orElse(null);
    }

    /** A wrong secret fails the start, not the first login. */
    void check(@Observes StartupEvent start) {
        Log.infof("JWT verification: RS256%s", hs256 == null ? " only" : " and HS256 (parley.auth.hs256-secret)");
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return hs256 != null && SignatureAlgorithm.HS256.getAlgorithm().equals(algorithm(token))
                ? parser.parse(token, hs256)
                : parser.parse(token);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }

    /** The RS256 settings (issuer, clock skew, claims) with the secret as the only key and HS256 as the only algorithm. */
    private static JWTAuthContextInfo hs256(JWTAuthContextInfo rs256, SecretKey secret) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(rs256);
        context.setPublicVerificationKey(null);
        context.setPublicKeyLocation(null);
        context.setPublicKeyContent(null);
        context.setSecretVerificationKey(secret);
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        return context;
    }

    /** The unverified header's {@code alg}: it only picks the verifier; null for anything unreadable. */
    private static String algorithm(String token) {
        try {
            return JsonWebStructure.fromCompactSerialization(token).getHeader(HeaderParameterNames.ALGORITHM);
        } catch (JoseException e) {
            return null;
        }
    }
}
