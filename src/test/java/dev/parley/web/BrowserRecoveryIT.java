package dev.parley.web;

import dev.parley.support.Browser;
import dev.parley.support.ParleyProcess;
import dev.parley.support.TestUser;
import dev.parley.support.WsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page against the packaged service: edits and deletes show up, and when
 * the server restarts mid-conversation the page reconnects by itself and shows
 * what was sent meanwhile, once.
 */
class BrowserRecoveryIT {

    private static final int PORT = 18291;
    private static final int EXPIRY_PORT = 18292;

    @Test
    void thePageEditsDeletesAndRecoversAcrossAServerRestart() throws Exception {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        ParleyProcess parley = ParleyProcess.start(PORT);
        try (Browser alicePage = Browser.signedIn(parley.baseUri().toString(), alice.token());
             Browser bobPage = Browser.signedIn(parley.baseUri().toString(), bob.token())) {
            bobPage.type("#new-direct input[name=user_id]", alice.id() + "\n");
            bobPage.type("#composer textarea", "helo", Keys.ENTER);
            bobPage.type("#composer textarea", "to be deleted", Keys.ENTER);
            alicePage.clickChat(bob.username());
            alicePage.until(page -> page.findElement(By.id("messages")).getText().contains("to be deleted"));

            bobPage.until(page -> {
                page.findElement(By.cssSelector("#messages li[data-seq='1'] button")).click(); // edit
                return true;
            });
            bobPage.type("#messages li[data-seq='1'] textarea", Keys.chord(Keys.CONTROL, "a"), "hello", Keys.ENTER);
            // The edit box survived whatever re-rendered the list meanwhile (receipts arrive while editing).
            alicePage.until(page -> page.findElement(By.cssSelector("#messages li[data-seq='1']")).getText()
                    .contains("hello") && page.findElement(By.cssSelector("#messages li[data-seq='1']")).getText()
                    .contains("(edited)"));
            bobPage.until(page -> {
                page.findElements(By.cssSelector("#messages li[data-seq='2'] button")).get(1).click(); // delete
                return true;
            });
            bobPage.until(page -> { // it asks first
                page.switchTo().alert().accept();
                return true;
            });
            alicePage.until(page -> page.findElement(By.cssSelector("#messages li[data-seq='2']")).getText()
                    .contains("message deleted"));

            parley.stop();
            alicePage.until(page -> page.findElement(By.id("connection")).getText().startsWith("reconnecting"));
            parley = ParleyProcess.start(PORT);
            try (WsClient bobElsewhere = WsClient.connect(parley.chatUri(bob.token()))) {
                bobElsewhere.send(Map.of("type", "message", "recipient_id", alice.id(), "content", "sent while you were away"));
                bobElsewhere.await("message");
            }
            alicePage.until(Duration.ofSeconds(45), page -> page.findElement(By.id("connection")).getText().equals("online")
                    && page.findElement(By.id("messages")).getText().contains("sent while you were away"));
            String all = alicePage.page().findElement(By.id("messages")).getText();
            assertEquals(all.indexOf("sent while you were away"), all.lastIndexOf("sent while you were away"),
                    "shown once");
            assertTrue(alicePage.page().findElements(By.cssSelector("#messages li[data-seq='3']")).size() == 1);
            alicePage.screenshot("alice-after-restart");
        } finally {
            parley.close();
        }
    }

    /**
     * A page whose token expires while it is cut off from the server stops
     * reconnecting and asks to sign in again: the refused handshake is only a 1006
     * to a browser, so the page reads the token's expiry itself.
     */
    @Test
    void aPageWhoseTokenExpiredWhileOfflineAsksToSignInInsteadOfRetryingForEver() throws Exception {
        TestUser carol = TestUser.fresh("carol");
        ParleyProcess parley = ParleyProcess.start(EXPIRY_PORT);
        // The token's 8 s count from when the service is ready, however long its start took.
        Instant expiry = Instant.now().plusSeconds(8);
        try (Browser page = Browser.signedIn(parley.baseUri().toString(),
                carol.tokenExpiringIn(Duration.between(Instant.now(), expiry)))) {
            page.until(p -> p.findElement(By.id("connection")).getText().equals("online"));
            parley.stop();
            page.until(p -> p.findElement(By.id("connection")).getText().startsWith("reconnecting"));
            page.until(Duration.ofSeconds(40), p -> p.findElement(By.id("sign-in")).isDisplayed()
                    && p.findElement(By.id("sign-in-note")).getText().contains("expired"));
            // exp is in whole seconds, so the token may end up to a second before this instant.
            assertTrue(Instant.now().isAfter(expiry.minusSeconds(1)), "only once the token had expired");
            page.screenshot("expired-while-offline");
        } finally {
            parley.close();
        }
    }
}
