package dev.parley.api;

import dev.parley.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/** Every REST error answers with the documented {@code {"code","message"}} body, whatever went wrong. */
@QuarkusTest
class RestErrorsTest {

    final String token = TestUser.fresh("rest").token();

    @Test
    void malformedJsonIsInvalidJson() {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":")
                .post("/api/v1/chats").then().statusCode(400).contentType(ContentType.JSON)
                .body("code", equalTo("invalid_json")).body("message", not(emptyOrNullString()));
    }

    @Test
    void aMistypedFieldIsInvalidField() {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"g\",\"member_ids\":\"x\"}")
                .post("/api/v1/chats").then().statusCode(400).contentType(ContentType.JSON)
                .body("code", equalTo("invalid_field")).body("message", not(emptyOrNullString()));
    }

    @Test
    void anUnknownRouteIsNotFound() {
        given().auth().oauth2(token).get("/api/v1/no-such-thing").then().statusCode(404).contentType(ContentType.JSON)
                .body("code", equalTo("not_found"));
    }

    @Test
    void aWrongMethodIsMethodNotAllowed() {
        given().auth().oauth2(token).delete("/api/v1/chats").then().statusCode(405).contentType(ContentType.JSON)
                .body("code", equalTo("method_not_allowed"));
    }

    @Test
    void anUnsupportedMediaTypeIsRefusedAsSuch() {
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("hello")
                .post("/api/v1/chats").then().statusCode(415).contentType(ContentType.JSON)
                .body("code", equalTo("unsupported_media_type"));
    }
}
