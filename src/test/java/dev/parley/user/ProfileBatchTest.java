package dev.parley.user;

import dev.parley.auth.Caller;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Profiles saved at once share one statement ({@link UserProfiles}): the same user
 * twice in a batch, a deleted user beside live ones, roles kept or replaced, each
 * caller still gets its own answer.
 */
@QuarkusTest
class ProfileBatchTest {

    static final String SERVICE = TestUser.serviceToken("profile-batch-test");

    @Inject
    UserService users;

    @Inject
    Database db;

    @Test
    void aBurstOfLoginsIsSavedTogetherAndEachGetsItsAnswer() {
        TestUser gone = TestUser.fresh("batch-gone").registered();
        given().auth().oauth2(SERVICE).delete("/api/v1/users/{id}", gone.id()).then().statusCode(204);
        List<TestUser> fresh = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fresh.add(TestUser.fresh("batch-" + i));
        }

        List<Uni<Boolean>> saves = new ArrayList<>();
        for (TestUser user : fresh) {
            saves.add(users.record(caller(user.id(), user.username(), Set.of("student"))));
            saves.add(users.record(caller(user.id(), user.username() + "-renamed", Set.of("mentor", "unknown-role"))));
        }
        saves.add(users.record(caller(gone.id(), "back again", Set.of())));
        List<Boolean> deleted = Uni.join().all(saves).andFailFast().await().atMost(Duration.ofSeconds(10));

        assertEquals(Boolean.TRUE, deleted.getLast(), "a deleted user is told so");
        assertEquals(List.of(false), deleted.subList(0, saves.size() - 1).stream().distinct().toList());
        for (TestUser user : fresh) {
            var row = db.query("SELECT username, roles FROM users WHERE id = $1", user.id()).getFirst();
            assertEquals(user.username() + "-renamed", row.getString(0), "the later profile wins");
            assertEquals(List.of("mentor"), List.of(row.getArrayOfStrings(1)), "only the roles Parley knows");
        }
        assertEquals(0, db.count("SELECT count(*) FROM users WHERE id = $1 AND username = 'back again'", gone.id()),
                "a deleted user's profile stays as it was");
    }

    @Test
    void nullRolesKeepTheStoredOnes() {
        TestUser mentor = TestUser.fresh("batch-keeper");
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(Map.of("username", "keeper", "roles", List.of("mentor")))
                .put("/api/v1/users/{id}", mentor.id()).then().statusCode(200);
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(Map.of("username", "keeper renamed"))
                .put("/api/v1/users/{id}", mentor.id()).then().statusCode(200);
        var row = db.query("SELECT username, roles FROM users WHERE id = $1", mentor.id()).getFirst();
        assertEquals("keeper renamed", row.getString(0));
        assertEquals(List.of("mentor"), List.of(row.getArrayOfStrings(1)));
    }

    private static Caller caller(long id, String username, Set<String> roles) {
        return new Caller(id, username, null, roles, Instant.now().plusSeconds(300));
    }
}
