package dev.parley.web;

import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two people in two real (headless) Chromium windows chat through the page. */
@QuarkusTest
class BrowserChatTest {

    @TestHTTPResource("/")
    URI base;

    private final List<WebDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void twoPeopleChatWithTypingAndReceiptsAndMarkupStaysText() throws IOException {
        TestUser alice = TestUser.fresh("alice");
        TestUser bob = TestUser.fresh("bob");
        given().auth().oauth2(alice.token()).get("/api/v1/users/me").then().statusCode(200);
        WebDriver alicePage = signedIn(alice);
        WebDriver bobPage = signedIn(bob);

        bobPage.findElement(By.cssSelector("#new-direct input[name=user_id]")).sendKeys(alice.id() + "\n");
        WebElement composer = bobPage.findElement(By.cssSelector("#composer textarea"));
        composer.sendKeys("<b>hi</b> alice", Keys.ENTER);

        clickChat(alicePage, bob.username());
        String message = textOf(alicePage, "#messages li[data-seq='1']");
        assertTrue(message.contains("<b>hi</b> alice"), message);
        assertEquals(0, alicePage.findElements(By.cssSelector("#messages b")).size(), "markup is shown as text");

        waitFor(bobPage, "#messages li.mine .ticks.read");
        alicePage.findElement(By.cssSelector("#composer textarea")).sendKeys("typing a reply");
        waiting(bobPage).until(page -> page.findElement(By.id("typing")).getText().contains("is typing"));
        screenshot(bobPage, "bob-sees-typing-and-read");
        alicePage.findElement(By.cssSelector("#composer textarea")).sendKeys(Keys.ENTER);
        waiting(bobPage).until(page -> page.findElement(By.id("messages")).getText().contains("typing a reply"));
        assertEquals("online", alicePage.findElement(By.id("presence")).getText());
        // Sending ends the typing state at once, not after the server's 3 s expiry.
        new WebDriverWait(bobPage, Duration.ofSeconds(2))
                .until(page -> page.findElement(By.id("typing")).getText().isEmpty());
        screenshot(alicePage, "alice-conversation");
    }

    private WebDriver signedIn(TestUser user) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1100,700");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver page = new ChromeDriver(service, options);
        browsers.add(page);
        page.get(base + "#token=" + user.token());
        new WebDriverWait(page, Duration.ofSeconds(15))
                .until(p -> p.findElement(By.id("connection")).getText().equals("online"));
        return page;
    }

    /** The page re-renders lists as events arrive, so element lookups are retried when they go stale. */
    private static WebDriverWait waiting(WebDriver page) {
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static void clickChat(WebDriver page, String name) {
        waiting(page).until(p -> {
            WebElement item = p.findElements(By.cssSelector("#chats li")).stream()
                    .filter(candidate -> candidate.getText().contains(name)).findFirst().orElse(null);
            if (item == null) {
                return false;
            }
            item.click();
            return true;
        });
    }

    private static String textOf(WebDriver page, String css) {
        return waiting(page).until(p -> p.findElements(By.cssSelector(css)).stream().findFirst()
                .map(WebElement::getText).orElse(null));
    }

    private static void waitFor(WebDriver page, String css) {
        waiting(page).until(p -> !p.findElements(By.cssSelector(css)).isEmpty());
    }

    private static void screenshot(WebDriver page, String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));
    }
}
