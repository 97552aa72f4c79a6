package dev.parley.auth.hs256;

import dev.parley.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** Without {@code parley.auth.hs256-secret} (the default) only RS256 is accepted, whatever the secret. */
@QuarkusTest
class Hs256OffByDefaultTest {

    final TestUser user = TestUser.fresh("hs_off");

    @Test
    void aTokenSignedWithASharedSecretIsRefused() {
        String token = Hs256Tokens.access(user.id(), Hs256Profile.SECRET);
        given().auth().oauth2(token).get("/api/v1/users/me").then().statusCode(401);
        Hs256AcceptedTest.upgrade().queryParam("token", token).get("/ws").then().statusCode(401);
        given().auth().oauth2(user.token()).get("/api/v1/users/me").then().statusCode(200);
    }
}
