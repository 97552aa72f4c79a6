package dev.parley.auth.hs256;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Runs the service with {@code parley.auth.hs256-secret} set, as seed 001's backend shares it. */
public class Hs256Profile implements QuarkusTestProfile {

    static final String SECRET = "seed-001-shared-secret-of-at-least-32-bytes";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.auth.hs256-secret", SECRET);
    }
}
