package dev.parley.guest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.support.Browser;
import dev.parley.support.ChatClient;
import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 002's page, byte for byte as the seed has it (a test resource served at
 * {@code /seed-002/index.html} by the test server only), in headless Chromium.
 * The page connects to {@code ws://localhost:8000/...}; Chromium's host resolver
 * sends {@code localhost:8000} to the test server, so not a byte changes.
 */
@QuarkusTest
@TestProfile(GuestsOn.class)
class BrowserSeedPageTest {

    private static final Path PAGE = Path.of("src/test/resources/META-INF/resources/seed-002/index.html");

    @TestHTTPResource("/")
    URI base;

    @Test
    void thePageIsTheSeedsOwn() throws IOException {
        String seed;
        try (var files = Files.list(Path.of("/work/shared/seeds"))) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith("002_")).findFirst().orElse(null);
            org.junit.jupiter.api.Assumptions.assumeTrue(file != null, "the seeds are not on this machine");
            seed = Files.readString(file);
        }
        assertTrue(seed.contains(Files.readString(PAGE).stripTrailing()), "the page is seed 002's, unchanged");
    }

    @Test
    void aGuestOnTheSeedPageAndAMemberChatBothWays() {
        TestUser alice = TestUser.fresh("alice");
        String room = "page-" + alice.id();
        String guest = "Pat " + alice.id();
        try (ChatClient member = ChatClient.connect(base, "/ws/rooms/" + room, alice.token());
             Browser page = Browser.at("http://localhost:8000/seed-002/index.html",
                     "--host-resolver-rules=MAP localhost:8000 127.0.0.1:" + base.getPort())) {
            page.until(p -> text(p).contains("Connected to chat")); // the page's own auto-connect (general, Anonymous)

            replace(page, "#room-input", room);
            replace(page, "#username-input", guest);
            page.page().findElement(By.xpath("//button[text()='Connect']")).click();
            JsonNode joined = member.await("user_joined", frame -> frame.get("username").asText().equals(guest));
            long chatId = joined.get("chat_id").asLong();
            assertEquals(room, page.text("#room-name"));

            page.type("#message-input", "hello from the seed page", Keys.ENTER);
            JsonNode said = member.await("new_message", frame -> frame.get("chat_id").asLong() == chatId);
            assertEquals("hello from the seed page", said.get("message").get("content").asText());
            assertEquals(guest, said.get("message").get("sender_username").asText());

            member.send(Map.of("type", "message", "content", "hello, page"));
            page.until(p -> text(p).contains(alice.username() + ": hello, page"));

            try (GuestClient other = GuestClient.open(base, "/ws/" + room + "/Quinn" + alice.id())) {
                page.until(p -> text(p).contains("Quinn" + alice.id() + " joined the chat"));
            }
            page.until(p -> text(p).contains("Quinn" + alice.id() + " left the chat"));

            List<String> lines = page.page().findElements(By.cssSelector("#messages .message")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(guest + ": hello from the seed page")), lines.toString());
            assertFalse(lines.stream().anyMatch(line -> line.contains("Invalid Date")), "timestamps parse: " + lines);
        }
    }

    private static String text(org.openqa.selenium.WebDriver page) {
        return page.findElement(By.id("messages")).getText();
    }

    private static void replace(Browser page, String css, String value) {
        page.until(p -> {
            WebElement input = p.findElement(By.cssSelector(css));
            input.clear();
            input.sendKeys(value);
            return true;
        });
    }
}
