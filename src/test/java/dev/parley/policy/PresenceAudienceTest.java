package dev.parley.policy;

import dev.parley.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Users asked about together share one lookup, and each still gets their own audience and name. */
@QuarkusTest
class PresenceAudienceTest {

    static final String SERVICE = TestUser.serviceToken("presence-audience-test");

    @Inject
    PresenceAudience audience;

    @Test
    void eachUserAskedAboutTogetherGetsTheirOwnAudience() {
        TestUser mentor = TestUser.fresh("aud-mentor").registered();
        TestUser first = TestUser.fresh("aud-first").registered();
        TestUser second = TestUser.fresh("aud-second").registered();
        TestUser loner = TestUser.fresh("aud-loner").registered();
        for (TestUser student : List.of(first, second)) {
            given().auth().oauth2(SERVICE).put("/api/v1/mentorships/{m}/{s}", mentor.id(), student.id())
                    .then().statusCode(200);
        }

        List<PresenceAudience.Audience> audiences = Uni.join().all(audience.of(mentor.id()), audience.of(first.id()),
                audience.of(loner.id()), audience.of(second.id())).andFailFast().await().atMost(Duration.ofSeconds(10));

        assertEquals(List.of(first.id(), second.id()), audiences.get(0).userIds().stream().sorted().toList());
        assertEquals(mentor.username(), audiences.get(0).username());
        assertEquals(List.of(mentor.id()), audiences.get(1).userIds());
        assertEquals(first.username(), audiences.get(1).username());
        assertEquals(List.of(), audiences.get(2).userIds());
        assertNull(audiences.get(2).username(), "no one hears the loner");
        assertEquals(List.of(mentor.id()), audiences.get(3).userIds());
        assertEquals(second.username(), audiences.get(3).username());
    }
}
