package dev.parley.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Admins list reports and resolve them; every resolution is audited and happens once. */
@QuarkusTest
class ResolutionTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database database;

    @Test
    void onlyAdminsListResolveAndReadTheAudit() {
        Scene scene = Scene.group("alice", "bob");
        long report = Scene.filed(scene.member(1), scene.post(scene.member(0), "hm"), "hm");
        String notAdmin = scene.member(1).token("student", "mentor");

        given().auth().oauth2(notAdmin).get("/api/v1/reports").then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(notAdmin).contentType(ContentType.JSON).body(Map.of("action", "dismiss"))
                .post("/api/v1/reports/{id}/resolution", report).then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(notAdmin).get("/api/v1/audit").then().statusCode(403).body("code", equalTo("forbidden"));
        given().get("/api/v1/reports").then().statusCode(401);
        assertEquals(1, database.count("SELECT count(*) FROM reports WHERE id = $1 AND resolved_at IS NULL", report));
    }

    @Test
    void adminsSeeEachOpenReportWithItsMessageAndPeople() {
        Scene scene = Scene.group("alice", "bob", "carol");
        TestUser alice = scene.member(0);
        TestUser bob = scene.member(1);
        long message = scene.post(alice, "you are all wrong");
        long first = Scene.filed(bob, message, "insulting");
        long second = Scene.filed(scene.member(2), message, "rude");

        given().auth().oauth2(scene.adminToken()).get("/api/v1/reports?after_id={after}&limit=1", first - 1)
                .then().statusCode(200)
                .body("reports.size()", equalTo(1))
                .body("reports[0].id", equalTo((int) first))
                .body("reports[0].message_id", equalTo((int) message))
                .body("reports[0].chat_id", equalTo((int) scene.chatId()))
                .body("reports[0].content", equalTo("you are all wrong"))
                .body("reports[0].message_deleted", equalTo(false))
                .body("reports[0].sender.id", equalTo(alice.id()))
                .body("reports[0].sender.username", equalTo(alice.username()))
                .body("reports[0].reporter.id", equalTo(bob.id()))
                .body("reports[0].reporter.username", equalTo(bob.username()))
                .body("reports[0].reason", equalTo("insulting"))
                .body("reports[0].created_at", notNullValue())
                .body("reports[0].open_reports", equalTo(2))
                .body("reports[0].status", equalTo("open"))
                .body("has_more", equalTo(true))
                .body("next_after_id", equalTo((int) first));

        // The content as it is now, not as reported.
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("content", "sorry"))
                .patch("/api/v1/messages/{id}", message).then().statusCode(200);
        given().auth().oauth2(scene.adminToken()).get("/api/v1/reports?after_id={after}&limit=1", first)
                .then().statusCode(200)
                .body("reports[0].id", equalTo((int) second))
                .body("reports[0].content", equalTo("sorry"));
    }

    @Test
    void deletingTheMessageDeletesItForEveryMemberAndClosesAllItsReports() {
        Scene scene = Scene.group("alice", "bob", "carol");
        long message = scene.post(scene.member(0), "slur");
        long report = Scene.filed(scene.member(1), message, "slur");
        long other = Scene.filed(scene.member(2), message, "hateful");

        try (ChatClient carol = ChatClient.connect(base, scene.member(2).token())) {
            scene.resolve(report, "delete_message", "hate speech").statusCode(200)
                    .body("report_id", equalTo((int) report))
                    .body("message_id", equalTo((int) message))
                    .body("action", equalTo("delete_message"))
                    .body("closed_report_ids", contains((int) report, (int) other));
            JsonNode deleted = carol.await("message_deleted");
            assertEquals(message, deleted.get("message_id").asLong());
            assertEquals(scene.chatId(), deleted.get("chat_id").asLong());
        }
        given().auth().oauth2(scene.member(1).token()).get("/api/v1/chats/{id}/messages", scene.chatId())
                .then().body("messages[0].id", equalTo((int) message))
                .body("messages[0].deleted", equalTo(true))
                .body("messages[0].content", nullValue());
        assertAudited(scene, "delete_message", report, message, "hate speech");
        scene.resolve(other, "dismiss", null).statusCode(409).body("code", equalTo("conflict"));
    }

    @Test
    void banningTheSenderClosesTheirConnectionsWith4003AndRefusesTheirToken() {
        Scene scene = Scene.group("alice", "bob");
        TestUser alice = scene.member(0);
        long message = scene.post(alice, "scam link");
        long report = Scene.filed(scene.member(1), message, "scam");

        try (ChatClient connection = ChatClient.connect(base, alice.token())) {
            scene.resolve(report, "ban_user", null).statusCode(200).body("action", equalTo("ban_user"));
            assertEquals(4003, connection.awaitClose().getCode());
        }
        given().auth().oauth2(alice.token()).get("/api/v1/users/me").then().statusCode(403);
        assertAudited(scene, "ban_user", report, message, null);
    }

    @Test
    void dismissingLeavesTheMessageAndResolvingTwiceIsAConflict() {
        Scene scene = Scene.group("alice", "bob");
        long message = scene.post(scene.member(0), "pineapple on pizza");
        long report = Scene.filed(scene.member(1), message, "offensive");

        scene.resolve(report, "dismiss", "taste is not abuse").statusCode(200).body("action", equalTo("dismiss"))
                .body("closed_report_ids", contains((int) report));
        given().auth().oauth2(scene.member(1).token()).get("/api/v1/chats/{id}/messages", scene.chatId())
                .then().body("messages[0].id", equalTo((int) message))
                .body("messages[0].deleted", equalTo(false))
                .body("messages[0].content", equalTo("pineapple on pizza"));
        assertAudited(scene, "dismiss", report, message, "taste is not abuse");

        scene.resolve(report, "delete_message", null).statusCode(409).body("code", equalTo("conflict"));
        assertEquals(1, database.count("SELECT count(*) FROM audit_log WHERE report_id = $1", report));
        given().auth().oauth2(scene.adminToken()).get("/api/v1/reports?status=resolved&after_id={after}&limit=1",
                        report - 1)
                .then().body("reports[0].id", equalTo((int) report))
                .body("reports[0].status", equalTo("resolved"))
                .body("reports[0].resolution", equalTo("dismiss"))
                .body("reports[0].resolved_by", equalTo(scene.admin().id()))
                .body("reports[0].note", equalTo("taste is not abuse"));
        scene.resolve(Long.MAX_VALUE, "dismiss", null).statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void badResolutionsAndListQueriesAre400Json() {
        Scene scene = Scene.group("alice", "bob");
        long report = Scene.filed(scene.member(1), scene.post(scene.member(0), "meh"), "meh");
        String admin = scene.adminToken();

        for (Object body : List.<Object>of(Map.of(), Map.of("action", "nuke"), Map.of("action", 7),
                Map.of("action", "dismiss", "note", "n".repeat(1001)), Map.of("action", "dismiss", "note", " "))) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/reports/{id}/resolution", report)
                    .then().statusCode(400).contentType(ContentType.JSON).body("code", notNullValue());
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/reports/{id}/resolution", report).then().body("code", equalTo("missing_field"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("action", "nuke"))
                .post("/api/v1/reports/{id}/resolution", report).then().body("code", equalTo("invalid_field"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("not json")
                .post("/api/v1/reports/{id}/resolution", report).then().statusCode(400).body("code", equalTo("invalid_json"));
        for (String query : List.of("status=closed", "limit=0", "after_id=-1")) {
            given().auth().oauth2(admin).get("/api/v1/reports?" + query).then().statusCode(400)
                    .body("code", equalTo("invalid_field"));
        }
        given().auth().oauth2(admin).get("/api/v1/audit?limit=0").then().statusCode(400).body("code", equalTo("invalid_field"));
        assertEquals(1, database.count("SELECT count(*) FROM reports WHERE id = $1 AND resolved_at IS NULL", report));
    }

    /** The resolution's audit row, and that the audit endpoint lists it first (the newest). */
    private void assertAudited(Scene scene, String action, long report, long message, String note) {
        List<Row> rows = database.query("SELECT actor_id, action, message_id, target_user_id, note, created_at"
                + " FROM audit_log WHERE report_id = $1", report);
        assertEquals(1, rows.size());
        Row row = rows.getFirst();
        assertEquals(scene.admin().id(), row.getLong(0));
        assertEquals(action, row.getString(1));
        assertEquals(message, row.getLong(2));
        assertEquals(scene.member(0).id(), row.getLong(3), "the target is the message's sender");
        assertEquals(note, row.getString(4));
        given().auth().oauth2(scene.adminToken()).get("/api/v1/audit?limit=1").then().statusCode(200)
                .body("entries[0].report_id", equalTo((int) report))
                .body("entries[0].actor_id", equalTo(scene.admin().id()))
                .body("entries[0].action", equalTo(action))
                .body("entries[0].message_id", equalTo((int) message))
                .body("entries[0].target_user_id", equalTo(scene.member(0).id()))
                .body("entries[0].created_at", notNullValue());
    }
}
