package dev.parley.moderation;

import dev.parley.support.TestUser;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A group of fresh users (the first creates it) with an outsider and an admin,
 * and the REST calls the moderation tests make.
 */
record Scene(long chatId, List<TestUser> members, TestUser outsider, TestUser admin) {

    static Scene group(String... names) {
        List<TestUser> members = Arrays.stream(names).map(TestUser::fresh).toList();
        TestUser outsider = TestUser.fresh("outsider");
        TestUser admin = TestUser.fresh("admin");
        for (TestUser user : members) {
            given().auth().oauth2(user.token()).get("/api/v1/users/me").then().statusCode(200);
        }
        given().auth().oauth2(outsider.token()).get("/api/v1/users/me").then().statusCode(200);
        long chat = given().auth().oauth2(members.getFirst().token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Moderated", "member_ids", members.stream().skip(1).map(TestUser::id).toList()))
                .post("/api/v1/chats").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Scene(chat, members, outsider, admin);
    }

    TestUser member(int index) {
        return members.get(index);
    }

    String adminToken() {
        return admin.token("admin");
    }

    long post(TestUser sender, String content) {
        return given().auth().oauth2(sender.token()).contentType(ContentType.JSON).body(Map.of("content", content))
                .post("/api/v1/chats/{id}/messages", chatId).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static ValidatableResponse report(TestUser reporter, long messageId, String reason) {
        return given().auth().oauth2(reporter.token()).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/messages/{id}/reports", messageId).then();
    }

    static long filed(TestUser reporter, long messageId, String reason) {
        return report(reporter, messageId, reason).statusCode(201).extract().jsonPath().getLong("id");
    }

    ValidatableResponse resolve(long reportId, String action, String note) {
        return given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(note == null ? Map.of("action", action) : Map.of("action", action, "note", note))
                .post("/api/v1/reports/{id}/resolution", reportId).then();
    }
}
