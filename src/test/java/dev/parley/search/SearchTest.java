package dev.parley.search;

import dev.parley.support.ChatClient;
import dev.parley.support.Database;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/search finds what the caller may read, and nothing else. */
@QuarkusTest
class SearchTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Database db;

    final TestUser alice = TestUser.fresh("alice");
    final TestUser bob = TestUser.fresh("bob");
    final TestUser eve = TestUser.fresh("eve");
    /** A word no other test run wrote, for searches whose caller could see other runs' messages. */
    final String word = "zq" + alice.id();

    @Test
    void findsAWordInAMembersChatWithEveryField() {
        long chat = group(alice, "Study group", bob);
        long id = post(alice, chat, "Meet at the library at noon");

        search(bob, Map.of("q", "library")).statusCode(200)
                .body("results", hasSize(1))
                .body("results[0].id", equalTo((int) id))
                .body("results[0].chat_id", equalTo((int) chat))
                .body("results[0].chat_kind", equalTo("group"))
                .body("results[0].chat_name", equalTo("Study group"))
                .body("results[0].seq", equalTo(1))
                .body("results[0].sender_id", equalTo(alice.id()))
                .body("results[0].sender_username", equalTo(alice.username()))
                .body("results[0].snippet", equalTo("Meet at the <mark>library</mark> at noon"))
                .body("results[0].created_at", notNullValue())
                .body("results[0].edited_at", nullValue())
                .body("results[0].rank", greaterThan(0f))
                .body("has_more", equalTo(false))
                .body("next_before", nullValue());
    }

    @Test
    void aDirectChatIsNamedAfterTheOtherPerson() {
        try (ChatClient a = ChatClient.connect(base, alice.token());
             ChatClient b = ChatClient.connect(base, bob.token())) {
            a.send(Map.of("type", "message", "recipient_id", bob.id(), "content", "see you at the " + word));
            b.await("message");
        }
        search(bob, Map.of("q", word)).body("results", hasSize(1))
                .body("results[0].chat_kind", equalTo("direct"))
                .body("results[0].chat_name", equalTo(alice.username()));
        search(alice, Map.of("q", word)).body("results[0].chat_name", equalTo(bob.username()));
    }

    @Test
    void notInAChatTheCallerIsNotAMemberOfNotEvenForAnAdmin() {
        long chat = group(alice, "Private", bob);
        post(alice, chat, "the secret is " + word);
        register(eve);

        search(bob, Map.of("q", word)).body("results", hasSize(1));
        search(eve, Map.of("q", word)).statusCode(200).body("results", empty());
        // History is for members only, admins included; search mirrors it.
        given().auth().oauth2(eve.token("admin")).get("/api/v1/chats/{id}/messages", chat).then().statusCode(403);
        given().auth().oauth2(eve.token("admin")).queryParam("q", word).get("/api/v1/search")
                .then().statusCode(200).body("results", empty());
    }

    @Test
    void chatIdScopesTheSearchAndIsRefusedLikeHistory() {
        long first = group(alice, "First", bob);
        long second = group(alice, "Second", bob);
        long inFirst = post(alice, first, "homework " + word);
        post(alice, second, "homework " + word);
        register(eve);

        search(bob, Map.of("q", word)).body("results", hasSize(2));
        search(bob, Map.of("q", word, "chat_id", first)).statusCode(200)
                .body("results.id", contains((int) inFirst));

        search(eve, Map.of("q", word, "chat_id", first)).statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(eve.token()).get("/api/v1/chats/{id}/messages", first).then().statusCode(403);
        search(eve, Map.of("q", word, "chat_id", Long.MAX_VALUE)).statusCode(404).body("code", equalTo("not_found"));
        given().auth().oauth2(eve.token()).get("/api/v1/chats/{id}/messages", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void anEditedMessageIsFoundByItsNewWordsOnly() {
        long chat = group(alice, "Edits", bob);
        long id = post(alice, chat, "bring the orange" + word + " folder");
        search(bob, Map.of("q", "orange" + word)).body("results", hasSize(1));

        given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("content", "bring the green" + word + " folder"))
                .patch("/api/v1/messages/{id}", id).then().statusCode(200);

        search(bob, Map.of("q", "orange" + word)).body("results", empty());
        search(bob, Map.of("q", "green" + word)).body("results.id", contains((int) id))
                .body("results[0].edited_at", notNullValue())
                .body("results[0].snippet", equalTo("bring the <mark>green" + word + "</mark> folder"));
    }

    @Test
    void aDeletedMessageNeverAppears() {
        long chat = group(alice, "Deletes", bob);
        long id = post(alice, chat, "oops " + word);
        search(bob, Map.of("q", word)).body("results", hasSize(1));

        given().auth().oauth2(alice.token()).delete("/api/v1/messages/{id}", id).then().statusCode(204);

        search(bob, Map.of("q", word)).body("results", empty());
        search(alice, Map.of("q", word, "chat_id", chat)).body("results", empty());
    }

    @Test
    void aMessageMarkedDeletedStaysHiddenEvenIfItsTextIsKept() {
        // Deleting clears the content today; a later change (moderation keeping evidence)
        // must not bring deleted messages back into search.
        long chat = group(alice, "Kept", bob);
        long id = post(alice, chat, "kept " + word);
        db.query("UPDATE messages SET deleted_at = now() WHERE id = $1", id);

        search(bob, Map.of("q", word)).body("results", empty());
    }

    @Test
    void aGroupYouLeftNoLongerAppears() {
        long chat = group(alice, "Leavers", bob);
        post(alice, chat, "before leaving " + word);
        search(bob, Map.of("q", word)).body("results", hasSize(1));

        given().auth().oauth2(bob.token()).delete("/api/v1/chats/{id}/members/{user}", chat, bob.id())
                .then().statusCode(204);

        search(bob, Map.of("q", word)).body("results", empty());
        search(bob, Map.of("q", word, "chat_id", chat)).statusCode(403);
        search(alice, Map.of("q", word)).body("results", hasSize(1));
    }

    @Test
    void aRoomYouLeftNoLongerAppears() {
        String room = "search-" + alice.id();
        long chat;
        try (ChatClient a = ChatClient.connect(base, "/ws/rooms/" + room, alice.token())) {
            a.send(Map.of("type", "message", "content", "room talk " + word));
            chat = a.await("new_message").get("chat_id").asLong();
            search(alice, Map.of("q", word)).body("results.chat_id", contains((int) chat))
                    .body("results[0].chat_kind", equalTo("room"))
                    .body("results[0].chat_name", equalTo(room));

            a.send(Map.of("type", "leave_chat", "chat_id", chat));
            await().atMost(Duration.ofSeconds(10)).until(() -> db.count(
                    "SELECT count(*) FROM members WHERE conversation_id = $1 AND user_id = $2", chat, alice.id()) == 0);
        }
        search(alice, Map.of("q", word)).body("results", empty());
    }

    @Test
    void aClearerMatchRanksFirst() {
        long chat = group(alice, "Ranks", bob);
        // Posted first: with equal ranks the newer message would come first.
        long clear = post(alice, chat, "exam schedule posted");
        long vague = post(alice, chat, "the exam is on monday and I will tell you about the new room and the schedule later");

        search(bob, Map.of("q", "exam schedule")).body("results.id", contains((int) clear, (int) vague));
        JsonPath found = search(bob, Map.of("q", "exam schedule")).extract().jsonPath();
        assertTrue(found.getFloat("results[0].rank") > found.getFloat("results[1].rank"));
    }

    @Test
    void pagesWithBeforeNeitherRepeatNorSkip() {
        long chat = group(alice, "Pages", bob);
        List<Long> posted = new ArrayList<>();
        // Equal texts rank equally, so the pages also cross ties (ordered by id).
        for (String text : List.of("quiz", "quiz quiz", "quiz", "the quiz and more words after it", "quiz",
                "quiz quiz quiz", "quiz")) {
            posted.add(post(alice, chat, text));
        }
        List<Integer> all = search(bob, Map.of("q", "quiz", "limit", 50)).extract().jsonPath().getList("results.id");
        assertEquals(7, all.size());

        List<Integer> paged = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(Map.of("q", "quiz", "limit", 3));
        for (int pages = 1; ; pages++) {
            assertTrue(pages <= 3, "7 results come in 3 pages of 3, not more");
            JsonPath page = search(bob, params).statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("results.id"));
            if (!page.getBoolean("has_more")) {
                assertEquals(3, pages);
                assertEquals(null, page.getString("next_before"));
                break;
            }
            params.put("before", page.getString("next_before"));
        }
        assertEquals(all, paged, "the pages together are the one long page, in order, without repeats or gaps");
        assertEquals(new HashSet<>(posted.stream().map(Long::intValue).toList()), new HashSet<>(paged));
    }

    @Test
    void snippetsMarkMatchesAndEscapeEverythingElse() {
        long chat = group(alice, "Markup", bob);
        post(alice, chat, "<script>alert(\"x\")</script> & 'quoted' needle" + word + " <img src=x onerror=alert(1)>");
        post(alice, chat, "List<String> names" + word);

        search(bob, Map.of("q", "needle" + word)).body("results[0].snippet", equalTo(
                "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; <mark>needle" + word
                        + "</mark> &lt;img src=x onerror=alert(1)&gt;"));
        // Text between < and > is words like any other, not a tag to drop.
        search(bob, Map.of("q", "script onerror needle" + word)).body("results", hasSize(1));
        // A long message shows the words around its matches, not all of it.
        post(alice, chat, "filler ".repeat(40) + "haystack" + word + " " + "padding ".repeat(40));
        String fragment = search(bob, Map.of("q", "haystack" + word)).extract().jsonPath().getString("results[0].snippet");
        assertTrue(fragment.contains("<mark>haystack" + word + "</mark>") && fragment.length() < 300, fragment);
        search(bob, Map.of("q", "string names" + word)).body("results[0].snippet",
                equalTo("List&lt;<mark>String</mark>&gt; <mark>names" + word + "</mark>"));
    }

    @Test
    void cyrillicIsFoundWhateverItsCase() {
        long chat = group(alice, "Русский", bob);
        long id = post(alice, chat, "Встреча в библиотеке завтра, exam " + word);

        search(bob, Map.of("q", "библиотеке")).body("results.id", contains((int) id))
                .body("results[0].snippet", equalTo("Встреча в <mark>библиотеке</mark> завтра, exam " + word));
        search(bob, Map.of("q", "ВСТРЕЧА " + word)).body("results.id", contains((int) id));
        // The 'simple' configuration does not stem, in Russian as in English (docs/protocol.md).
        search(bob, Map.of("q", "библиотека " + word)).body("results", empty());
        search(bob, Map.of("q", "встреча -" + word)).body("results", empty());
    }

    @Test
    void badParametersAre400WithTheErrorBody() {
        register(bob);
        expect400(Map.of(), "missing_field");
        expect400(Map.of("q", "   "), "missing_field");
        expect400(Map.of("q", "x".repeat(201)), "invalid_field");
        for (Object limit : List.of(0, 51, -1, "many", "1.5")) {
            expect400(Map.of("q", "hello", "limit", limit), "invalid_field");
        }
        for (Object chatId : List.of("abc", 0, -5, "99999999999999999999")) {
            expect400(Map.of("q", "hello", "chat_id", chatId), "invalid_field");
        }
        for (String before : List.of("x", "NaN:1", "Infinity:1", "0.5", "0.5:", "0.5:0", ":7", "0.5:abc", "1e5:1", "-1.0:3")) {
            expect400(Map.of("q", "hello", "before", before), "invalid_field");
        }
        given().queryParam("q", "hello").get("/api/v1/search").then().statusCode(401);
    }

    @Test
    void noQueryTextCausesAFailure() {
        long chat = group(alice, "Odd", bob);
        post(alice, chat, "plain " + word);
        for (String q : List.of("\"unclosed " + word, "-" + word, "!!!", "a & | ! ( ) <-> :* \\", "or", "\u0000" + word,
                "'; DROP TABLE messages; --", "x".repeat(200), "😀 " + word)) {
            search(bob, Map.of("q", q)).statusCode(200);
        }
        search(bob, Map.of("q", "\u0000" + word)).body("results", hasSize(1));
        search(bob, Map.of("q", "-" + word)).body("results", empty());
        search(bob, Map.of("q", "\"plain " + word + "\"")).body("results", hasSize(1));
    }

    // ---------- helpers ----------

    private void expect400(Map<String, ?> params, String code) {
        ValidatableResponse response = search(bob, params);
        assertEquals(400, response.extract().statusCode(), params.toString());
        response.contentType(ContentType.JSON).body("code", equalTo(code)).body("message", notNullValue());
    }

    private ValidatableResponse search(TestUser user, Map<String, ?> params) {
        return given().auth().oauth2(user.token()).queryParams(params).get("/api/v1/search").then();
    }

    private static void register(TestUser... users) {
        for (TestUser user : users) {
            given().auth().oauth2(user.token()).get("/api/v1/users/me").then().statusCode(200);
        }
    }

    private static long group(TestUser creator, String name, TestUser... members) {
        register(creator);
        register(members);
        List<Long> ids = Arrays.stream(members).map(TestUser::id).toList();
        return given().auth().oauth2(creator.token()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "member_ids", ids))
                .post("/api/v1/chats").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long post(TestUser sender, long chat, String content) {
        return given().auth().oauth2(sender.token()).contentType(ContentType.JSON).body(Map.of("content", content))
                .post("/api/v1/chats/{id}/messages", chat).then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
