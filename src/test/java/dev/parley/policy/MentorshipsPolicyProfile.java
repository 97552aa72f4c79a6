package dev.parley.policy;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Runs the service with {@code parley.policy.direct=mentorships}. */
public class MentorshipsPolicyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.policy.direct", "mentorships");
    }
}
