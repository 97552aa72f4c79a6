package dev.parley.api;

import dev.parley.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A front end on another origin that {@code parley.cors.origins} lists may call the API; others may not. */
@QuarkusTest
@TestProfile(CorsTest.FrontEndOrigin.class)
class CorsTest {

    static final String FRONT_END = "http://localhost:3000";

    public static class FrontEndOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.cors.origins", FRONT_END);
        }
    }

    @Test
    void aListedOriginPassesThePreflightAndReadsTheAnswer() {
        given().header("Origin", FRONT_END).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/chats").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONT_END))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", FRONT_END).auth().oauth2(TestUser.fresh("cors").token())
                .get("/api/v1/chats").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONT_END));
    }

    @Test
    void anotherOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/chats").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
