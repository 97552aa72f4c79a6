package dev.parley.devmode;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** Token minting exists only in dev builds: the test build must not contain it. */
@QuarkusTest
class DevTokenEndpointAbsentTest {

    @Test
    void tokenMintingIsAbsentOutsideDev() {
        given().contentType("application/json").body("{\"user_id\":1,\"username\":\"mallory\"}")
                .post("/api/dev/tokens")
                .then().statusCode(404);
    }
}
