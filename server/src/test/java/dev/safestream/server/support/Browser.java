package dev.safestream.server.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium with its own profile (so its own localStorage: one logged-in viewer), driven through the
 * system's chromedriver. Debian: {@code apt-get install chromium chromium-driver}; elsewhere set {@code CHROME_BIN}
 * and {@code CHROMEDRIVER}. Selenium Manager is never asked to download anything.
 *
 * <p>Every wait is explicit and bounded ({@link #WAIT}); elements are found by their {@code data-testid}.
 */
public final class Browser implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);
    /** A phone-sized viewport (CSS pixels). */
    private static final int PHONE_WIDTH = 412;

    private static final int PHONE_HEIGHT = 915;
    private static final String WINDOW = "--window-size=" + PHONE_WIDTH + "," + PHONE_HEIGHT;

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Starts Chromium against a server's HTTP root; fails with install instructions when it cannot start. */
    public static Browser open(String baseUrl) {
        Path chromium =
                executable("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        Path chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // CI runs as root, where Chromium's sandbox refuses to start
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--mute-audio",
                "--lang=en-US",
                WINDOW);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            // headless windows are at least 500 px wide; emulate the phone's viewport exactly
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", false));
            return new Browser(driver, baseUrl);
        } catch (WebDriverException e) {
            throw new IllegalStateException(
                    "Chromium did not start (" + chromium + " via " + chromedriver
                            + "). Browser tests need Chromium and"
                            + " its driver: apt-get install chromium chromium-driver (.ci/run does this), or set"
                            + " CHROME_BIN and CHROMEDRIVER.",
                    e);
        }
    }

    private static Path executable(String variable, String... candidates) {
        String configured = System.getenv(variable);
        Stream<String> paths =
                configured != null && !configured.isBlank() ? Stream.of(configured) : Stream.of(candidates);
        List<String> tried = paths.toList();
        return tried.stream()
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Browser tests need " + tried.getFirst()
                        + " (none of " + tried + " is executable): apt-get install chromium chromium-driver,"
                        + " or set " + variable + "."));
    }

    /** Emulates {@code prefers-reduced-motion: reduce} for the pages this browser opens from now on. */
    public void preferReducedMotion() {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Registers through the login page's form and waits until the stream page is live. */
    public void register(String username, String password, String channel) {
        go("/login?next=" + appPath(channel));
        type("register-username", username);
        type("register-password", password);
        byTestId("register-submit").click();
        awaitLive();
    }

    /** Logs in through the login page's form and waits until the stream page is live. */
    public void logIn(String username, String password, String channel) {
        go("/login?next=" + appPath(channel));
        type("login-username", username);
        type("login-password", password);
        byTestId("login-submit").click();
        awaitLive();
    }

    private static String appPath(String channel) {
        return channel == null ? "/app" : "/app?channel=" + channel;
    }

    public void awaitLive() {
        awaitState("connection-status", "live");
    }

    public void type(String testId, String text) {
        WebElement input = byTestId(testId);
        input.clear();
        input.sendKeys(text);
    }

    /** Types a chat message and presses Enter once the box accepts input. */
    public void say(String text) {
        await().until(() -> byTestId("chat-input").isEnabled());
        WebElement input = byTestId("chat-input");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        await().until(() -> byTestId("chat-input").getDomProperty("value").isEmpty());
    }

    public WebElement byTestId(String testId) {
        return driver.findElement(By.cssSelector("[data-testid=\"" + testId + "\"]"));
    }

    public List<WebElement> allByTestId(String testId) {
        return driver.findElements(By.cssSelector("[data-testid=\"" + testId + "\"]"));
    }

    /** Waits until the element exists and is displayed. */
    public WebElement awaitVisible(String testId) {
        await().until(() -> byTestId(testId).isDisplayed());
        return byTestId(testId);
    }

    public String awaitText(String testId, Predicate<String> matching) {
        await().until(() -> matching.test(byTestId(testId).getText()));
        return byTestId(testId).getText();
    }

    public void awaitState(String testId, String state) {
        await().until(() -> state.equals(byTestId(testId).getDomAttribute("data-state")));
    }

    public String state(String testId) {
        return byTestId(testId).getDomAttribute("data-state");
    }

    /** The chat message whose text is exactly {@code text}, once it is shown. */
    public WebElement awaitMessage(String text) {
        await().until(() -> message(text) != null);
        return message(text);
    }

    /** The chat message with this text, or null (one script call, however long the chat is). */
    public WebElement message(String text) {
        return (WebElement) script(
                "return [...document.querySelectorAll('[data-testid=chat-message]')]"
                        + ".find(m => m.querySelector('.chat-text').textContent === arguments[0]) || null;",
                text);
    }

    /** How many chat messages show exactly this text. */
    public long count(String text) {
        return ((Number) script(
                        "return [...document.querySelectorAll('[data-testid=chat-message]')]"
                                + ".filter(m => m.querySelector('.chat-text').textContent === arguments[0]).length;",
                        text))
                .longValue();
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    public Object asyncScript(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(javascript, args);
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bounded wait that retries through elements that are missing or being replaced. */
    public static ConditionFactory await() {
        return Awaitility.await()
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsInstanceOf(WebDriverException.class);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
