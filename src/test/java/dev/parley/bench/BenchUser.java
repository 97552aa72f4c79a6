package dev.parley.bench;

import dev.parley.support.TestUser;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/** A generated user and its token, signed with the test key the benchmarked service verifies. */
record BenchUser(long id, String token) {

    static {
        // smallrye-jwt-build reads the signing key from here (src/test/resources).
        System.setProperty("smallrye.jwt.sign.key.location", "test-keys/private.pem");
    }

    /**
     * Where the token travels: {@code query} ({@code ?token=}, as browsers must)
     * or {@code header} ({@code Authorization: Bearer}, as other clients can);
     * {@code -Dbench.token-in}.
     */
    static final boolean IN_HEADER = "header".equals(System.getProperty("bench.token-in", "query"));

    /** Tokens outlive any run, so no connection is closed for expiry mid-scenario. */
    private static final Duration LIFETIME = Duration.ofHours(4);

    /** Fresh users, their tokens minted on all cores (RS256 signing is the slow part). */
    static List<BenchUser> fresh(String name, int count) {
        List<TestUser> users = IntStream.range(0, count).mapToObj(i -> TestUser.fresh(name)).toList();
        return users.parallelStream().map(user -> new BenchUser(user.id(), user.tokenExpiringIn(LIFETIME))).toList();
    }

    LoadClients.Opening chat(java.util.function.Consumer<String> onFrame) {
        return opening("/ws/chat", onFrame);
    }

    LoadClients.Opening room(String room, java.util.function.Consumer<String> onFrame) {
        return opening("/ws/rooms/" + room, onFrame);
    }

    private LoadClients.Opening opening(String path, java.util.function.Consumer<String> onFrame) {
        return IN_HEADER ? new LoadClients.Opening(path, "Bearer " + token, id, onFrame)
                : new LoadClients.Opening(path + "?token=" + token, null, id, onFrame);
    }
}
