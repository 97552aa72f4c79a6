package dev.parley.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user with a unique id for this test run (the test database outlives runs)
 * and tokens signed with the test key from src/test/resources/test-keys.
 */
public record TestUser(long id, String username) {

    public static final String ISSUER = "https://parley.test";
    private static final AtomicLong NEXT_ID = new AtomicLong(
            ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000L) * 1_000);

    public static TestUser fresh(String name) {
        long id = NEXT_ID.incrementAndGet();
        return new TestUser(id, name + "_" + id);
    }

    /** A token of the platform's backend ({@code groups: ["service"]}), valid for five minutes. */
    public static String serviceToken(String name) {
        return Jwt.issuer(ISSUER).subject(name).groups(Set.of("service"))
                .expiresAt(Instant.now().plus(Duration.ofMinutes(5))).sign();
    }

    /** Makes the user known to Parley (as a first REST call does). */
    public TestUser registered(String... roles) {
        io.restassured.RestAssured.given().auth().oauth2(roles.length == 0 ? token() : token(roles))
                .get("/api/v1/users/me").then().statusCode(200);
        return this;
    }

    /** A valid access token for five minutes. */
    public String token() {
        return claims().sign();
    }

    public String token(String... roles) {
        return claims().groups(Set.of(roles)).sign();
    }

    public String tokenExpiringIn(Duration lifetime) {
        return claims().expiresAt(Instant.now().plus(lifetime)).sign();
    }

    /** The claims of an access token, to adjust before {@code sign()}. */
    public JwtClaimsBuilder claims() {
        return Jwt.issuer(ISSUER)
                .subject(String.valueOf(id))
                .claim("preferred_username", username)
                .claim("picture", "https://avatars.test/" + id + ".png")
                .groups(Set.of("student"))
                .expiresAt(Instant.now().plus(Duration.ofMinutes(5)));
    }
}
