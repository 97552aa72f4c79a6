package dev.parley.moderation;

import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Who may report which message, once while open, and what a report body must be. */
@QuarkusTest
class ReportTest {

    @Inject
    Database database;

    @Test
    void aMemberReportsAMessageAndAnOutsiderMayNot() {
        Scene scene = Scene.group("alice", "bob");
        long message = scene.post(scene.member(0), "buy my course");

        Scene.report(scene.member(1), message, "  spam\u0007 ")
                .statusCode(201)
                .body("id", notNullValue())
                .body("message_id", equalTo((int) message))
                .body("chat_id", equalTo((int) scene.chatId()))
                .body("reason", equalTo("spam"))
                .body("status", equalTo("open"))
                .body("created_at", notNullValue());

        Scene.report(scene.outsider(), message, "spam").statusCode(403).body("code", equalTo("forbidden"));
        assertEquals(1, database.count("SELECT count(*) FROM reports WHERE message_id = $1", message));
    }

    @Test
    void nobodyReportsTheirOwnAMissingOrADeletedMessage() {
        Scene scene = Scene.group("alice", "bob");
        long message = scene.post(scene.member(0), "mine");

        Scene.report(scene.member(0), message, "oops").statusCode(403).body("code", equalTo("forbidden"));
        Scene.report(scene.member(1), Long.MAX_VALUE, "spam").statusCode(404).body("code", equalTo("not_found"));
        given().auth().oauth2(scene.member(0).token()).delete("/api/v1/messages/{id}", message).then().statusCode(204);
        Scene.report(scene.member(1), message, "spam").statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void reportingAgainWhileOpenAnswersTheOpenReport() {
        Scene scene = Scene.group("alice", "bob");
        long message = scene.post(scene.member(0), "rude");
        long first = Scene.filed(scene.member(1), message, "rude");

        Scene.report(scene.member(1), message, "still rude").statusCode(200)
                .body("id", equalTo((int) first))
                .body("reason", equalTo("rude"));
        assertEquals(1, database.count("SELECT count(*) FROM reports WHERE message_id = $1", message));

        scene.resolve(first, "dismiss", null).statusCode(200);
        long second = Scene.filed(scene.member(1), message, "rude again");
        assertNotEquals(first, second, "once resolved, a new report is a new one");
    }

    @Test
    void badReportBodiesAre400Json() {
        Scene scene = Scene.group("alice", "bob");
        long message = scene.post(scene.member(0), "hi");
        TestUser bob = scene.member(1);

        for (Object body : List.of(Map.of(), Map.of("reason", List.of("x")), Map.of("reason", " \t"),
                Map.of("reason", "x".repeat(501)))) {
            given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/messages/{id}/reports", message)
                    .then().statusCode(400).contentType(ContentType.JSON).body("code", notNullValue());
        }
        given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/messages/{id}/reports", message).then().body("code", equalTo("missing_field"));
        given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body(Map.of("reason", "x".repeat(501)))
                .post("/api/v1/messages/{id}/reports", message).then().body("code", equalTo("invalid_field"));
        given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body("{\"reason\":")
                .post("/api/v1/messages/{id}/reports", message).then().statusCode(400).body("code", equalTo("invalid_json"));
        given().auth().oauth2(bob.token()).contentType(ContentType.JSON)
                .post("/api/v1/messages/{id}/reports", message).then().statusCode(400).body("code", equalTo("missing_field"));
        Scene.report(bob, message, "x".repeat(500)).statusCode(201);
        assertEquals(1, database.count("SELECT count(*) FROM reports WHERE message_id = $1", message));
    }
}
