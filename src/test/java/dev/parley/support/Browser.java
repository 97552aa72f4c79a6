package dev.parley.support;

import org.openqa.selenium.By;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * A headless Debian Chromium showing Parley's page, signed in with a token, driven
 * through Debian's chromedriver (no browser is ever downloaded). The page
 * re-renders lists as events arrive, so lookups retry when an element goes stale.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver page;

    private Browser(WebDriver page) {
        this.page = page;
    }

    public static Browser signedIn(String baseUrl, String token) {
        Browser browser = start();
        browser.page.get(baseUrl.replaceAll("/$", "") + "/#token=" + token);
        browser.until(p -> p.findElement(By.id("connection")).getText().equals("online"));
        return browser;
    }

    /**
     * A browser showing {@code url}, with extra Chromium {@code arguments}: e.g. a
     * {@code --host-resolver-rules} that sends a page's hard-coded host and port to
     * the test server, so a seed's page runs unchanged.
     */
    public static Browser at(String url, String... arguments) {
        Browser browser = start(arguments);
        browser.page.get(url);
        return browser;
    }

    private static Browser start(String... arguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1100,700");
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    public WebDriver page() {
        return page;
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return until(Duration.ofSeconds(10), condition);
    }

    public <T> T until(Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(page, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait.until(condition);
    }

    public void clickChat(String name) {
        until(p -> {
            WebElement item = p.findElements(By.cssSelector("#chats li")).stream()
                    .filter(candidate -> candidate.getText().contains(name)).findFirst().orElse(null);
            if (item == null) {
                return false;
            }
            item.click();
            return true;
        });
    }

    public String text(String css) {
        return until(p -> p.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText).orElse(null));
    }

    public void waitFor(String css) {
        until(p -> !p.findElements(By.cssSelector(css)).isEmpty());
    }

    public void type(String css, CharSequence... keys) {
        until(p -> {
            p.findElement(By.cssSelector(css)).sendKeys(keys);
            return true;
        });
    }

    public void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        page.quit();
    }
}
