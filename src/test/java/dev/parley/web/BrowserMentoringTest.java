package dev.parley.web;

import dev.parley.support.Browser;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The page of a mentoring platform: a student finds their mentor among the
 * contacts by name (no user ids), they talk, the platform's system message
 * shows up set apart in both pages, and search finds the mentor's words.
 */
@QuarkusTest
class BrowserMentoringTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void contactsSystemMessagesAndSearch() throws IOException {
        TestUser student = TestUser.fresh("student");
        TestUser mentor = TestUser.fresh("mentor_" + UUID.randomUUID().toString().substring(0, 6));
        mentor.registered("mentor");
        try (Browser studentPage = Browser.signedIn(base.toString(), student.token());
             Browser mentorPage = Browser.signedIn(base.toString(), mentor.token("mentor"))) {
            studentPage.type("#contact-filter", mentor.username());
            studentPage.until(page -> {
                List<WebElement> found = page.findElements(By.cssSelector("#contacts li"));
                if (found.size() != 1 || !found.getFirst().getText().contains(mentor.username())) {
                    return false;
                }
                found.getFirst().click();
                return true;
            });
            studentPage.type("#composer textarea", "Hello, mentor", Keys.ENTER);
            mentorPage.clickChat(student.username());
            mentorPage.until(page -> page.findElement(By.id("messages")).getText().contains("Hello, mentor"));

            given().auth().oauth2(TestUser.serviceToken("platform")).contentType(ContentType.JSON)
                    .body(Map.of("user_ids", List.of(student.id(), mentor.id()),
                            "content", "Session booked for Tuesday 16:00", "idempotency_key", UUID.randomUUID().toString()))
                    .post("/api/v1/system-messages").then().statusCode(201);
            for (Browser page : List.of(studentPage, mentorPage)) {
                page.until(p -> p.findElements(By.cssSelector("#messages li.system")).stream()
                        .anyMatch(item -> item.getText().contains("Session booked for Tuesday 16:00")));
            }

            // Search finds the mentor's words; the hit opens its chat.
            String word = "Quaternion" + UUID.randomUUID().toString().substring(0, 6);
            mentorPage.type("#composer textarea", "Read about " + word + " before Tuesday", Keys.ENTER);
            studentPage.until(page -> page.findElement(By.id("messages")).getText().contains(word));
            studentPage.type("#search-form input[name=q]", word.toLowerCase(), Keys.ENTER);
            studentPage.until(page -> {
                List<WebElement> hits = page.findElements(By.cssSelector("#search-results li"));
                if (hits.size() != 1 || !hits.getFirst().getText().contains(word)) {
                    return false;
                }
                return hits.getFirst().findElements(By.tagName("mark")).size() == 1;
            });
            studentPage.screenshot("student-contacts-system-message-and-search");
        }
    }
}
