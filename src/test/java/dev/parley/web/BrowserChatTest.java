package dev.parley.web;

import dev.parley.support.Browser;
import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two people in two real (headless) Chromium windows chat through the page. */
@QuarkusTest
class BrowserChatTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void twoPeopleChatWithTypingAndReceiptsAndMarkupStaysText() throws IOException {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        given().auth().oauth2(alice.token()).get("/api/v1/users/me").then().statusCode(200);
        try (Browser alicePage = Browser.signedIn(base.toString(), alice.token());
             Browser bobPage = Browser.signedIn(base.toString(), bob.token())) {
            bobPage.type("#new-direct input[name=user_id]", alice.id() + "\n");
            bobPage.type("#composer textarea", "<b>hi</b> alice", Keys.ENTER);

            alicePage.clickChat(bob.username());
            String message = alicePage.text("#messages li[data-seq='1']");
            assertTrue(message.contains("<b>hi</b> alice"), message);
            assertEquals(0, alicePage.page().findElements(By.cssSelector("#messages b")).size(), "markup is shown as text");

            bobPage.waitFor("#messages li.mine .ticks.read");
            // After a reload the page still knows that alice read it (the chat list carries her positions).
            bobPage.page().navigate().refresh();
            bobPage.clickChat(alice.username());
            bobPage.waitFor("#messages li.mine .ticks.read");
            alicePage.type("#composer textarea", "typing a reply");
            bobPage.until(page -> page.findElement(By.id("typing")).getText().contains("is typing"));
            bobPage.screenshot("bob-sees-typing-and-read");
            alicePage.type("#composer textarea", Keys.ENTER);
            bobPage.until(page -> page.findElement(By.id("messages")).getText().contains("typing a reply"));
            assertEquals("online", alicePage.page().findElement(By.id("presence")).getText());
            assertEquals("Sign out", alicePage.page().findElement(By.id("sign-out")).getText(), "a labelled button");
            // Sending ends the typing state at once, not after the server's 3 s expiry.
            bobPage.until(Duration.ofSeconds(2), page -> page.findElement(By.id("typing")).getText().isEmpty());
            alicePage.screenshot("alice-conversation");
        }
    }

    @Test
    void roomsAndGroupsWorkFromThePage() throws IOException {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        String room = "study-" + alice.id();
        given().auth().oauth2(bob.token()).get("/api/v1/users/me").then().statusCode(200);
        try (Browser alicePage = Browser.signedIn(base.toString(), alice.token());
             Browser bobPage = Browser.signedIn(base.toString(), bob.token())) {
            alicePage.type("#join-room input[name=room]", room + "\n");
            alicePage.until(page -> page.findElement(By.id("title")).getText().equals("#" + room));
            alicePage.type("#composer textarea", "room hello", Keys.ENTER);
            alicePage.until(page -> page.findElement(By.id("messages")).getText().contains("room hello"));

            bobPage.type("#join-room input[name=room]", room + "\n");
            bobPage.until(page -> page.findElement(By.id("messages")).getText().contains("room hello"));
            alicePage.until(page -> page.findElement(By.id("messages")).getText().contains(bob.username() + " joined"));
            bobPage.type("#composer textarea", "hi room", Keys.ENTER);
            alicePage.until(page -> page.findElement(By.id("messages")).getText().contains("hi room"));
            String roomText = alicePage.page().findElement(By.id("messages")).getText();
            assertTrue(roomText.indexOf(bob.username() + " joined") < roomText.indexOf("hi room"),
                    "the notice stands where it happened: " + roomText);
            alicePage.screenshot("room");

            alicePage.type("#new-group input[name=name]", "Trio");
            alicePage.type("#new-group input[name=members]", bob.id() + "\n");
            alicePage.until(page -> page.findElement(By.id("title")).getText().equals("Trio"));
            alicePage.type("#composer textarea", "group hello", Keys.ENTER);
            bobPage.clickChat("Trio");
            bobPage.until(page -> page.findElement(By.id("messages")).getText().contains("group hello"));
        }
    }

    @Test
    void historyScrollsUpUnreadIsCountedAndAPhoneFits() throws IOException {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        given().auth().oauth2(alice.token()).get("/api/v1/users/me").then().statusCode(200);
        try (ChatClient bobSocket = ChatClient.connect(base, bob.token())) {
            for (int i = 1; i <= 45; i++) {
                bobSocket.send(java.util.Map.of("type", "message", "recipient_id", alice.id(), "content", "old " + i));
                bobSocket.await("message");
            }
        }
        try (Browser alicePage = Browser.signedIn(base.toString(), alice.token())) {
            assertEquals("45", alicePage.text("#chats li .badge"), "unread count in the sidebar");
            alicePage.clickChat(bob.username());
            alicePage.until(page -> page.findElements(By.cssSelector("#messages li")).size() == 30);
            ((JavascriptExecutor) alicePage.page()).executeScript("document.getElementById('messages').scrollTop = 0");
            alicePage.until(page -> page.findElements(By.cssSelector("#messages li")).size() == 45);
            alicePage.until(page -> page.findElements(By.cssSelector("#chats li .badge")).isEmpty());

            alicePage.page().manage().window().setSize(new Dimension(390, 800));
            long overflow = (Long) ((JavascriptExecutor) alicePage.page())
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow <= 0, "no sideways scrolling on a phone: " + overflow);
            assertTrue(alicePage.page().findElement(By.cssSelector("#composer textarea")).getRect().getY() < 800,
                    "the composer stays on screen");
            alicePage.screenshot("phone");
        }
    }

    @Test
    void anExpiredTokenSendsThePersonBackToSignIn() {
        TestUser carol = TestUser.fresh("carol");
        // Long enough for Chromium to start and the page to connect first (exp is whole seconds, so up to
        // a second less); short enough to watch it run out.
        try (Browser page = Browser.signedIn(base.toString(), carol.tokenExpiringIn(Duration.ofSeconds(6)))) {
            page.until(Duration.ofSeconds(15), p -> p.findElement(By.id("sign-in")).isDisplayed());
            assertEquals("Your session expired.", page.text("#sign-in-note"));
        }
    }
}
