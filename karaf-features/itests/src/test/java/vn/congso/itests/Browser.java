package vn.congso.itests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium with a profile of its own (one person, own cookies) on a CongSo instance,
 * and the generic steps of the browser tests: sign in and out, create a user, click and type by
 * component id, choose in selects and combo boxes, read texts, grids and notifications, take
 * screenshots. Everything waits for a condition; nothing sleeps. Test classes get theirs from
 * {@link KarafWithBrowsers}.
 */
class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target").toAbsolutePath().resolve("screenshots");

    private final String base;
    private final String name;
    private final Path userDataDir;
    private final WebDriver driver;

    /**
     * Skips the test class unless Chromium and its driver are installed; in CI (environment
     * variable {@code CI=true}, where ./test.sh installs them) a missing browser fails instead,
     * so the browser tests can never pass by not running.
     */
    static void assumeAvailable() {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = "needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.assertTrue(available, why);
        }
        assumeTrue(available, why);
    }

    /**
     * Starts a browser with its own profile.
     *
     * @param base the instance's address, e.g. {@code http://127.0.0.1:19181}
     * @param name used in screenshot file names
     */
    Browser(String base, String name) throws IOException {
        this.base = base;
        this.name = name;
        // Selenium warns at length that it has no CDP module for this Chromium; we use none.
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        userDataDir = Files.createTempDirectory("congso-" + name + "-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--user-data-dir=" + userDataDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            KarafProcess.deleteTree(userDataDir);
        }
    }

    // --- accounts --------------------------------------------------------------------------

    /**
     * Opens the sign-in page, reloading until it is there: HTTP answers before every bundle has
     * contributed its views.
     */
    void openSignIn(int seconds) {
        long until = System.currentTimeMillis() + seconds * 1000L;
        while (true) {
            get("/login");
            try {
                wait(5).until(d -> displayedOrNull(By.id("login-view")) != null);
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (System.currentTimeMillis() > until) {
                    throw e;
                }
            }
        }
    }

    /** Signs in with a password that needs no change. */
    void signIn(String username, String password) {
        openSignIn(90);
        submitCredentials(username, password, "home-view");
    }

    /** Signs in with a one-time password and replaces it, as every first sign-in must. */
    void firstSignIn(String username, String oneTime, String newPassword) {
        openSignIn(90);
        submitCredentials(username, oneTime, "change-password-view");
        type("password-current", oneTime);
        type("password-new", newPassword);
        type("password-repeat", newPassword);
        click("password-save");
        wait(30).until(d -> displayedOrNull(By.id("home-view")) != null);
    }

    /**
     * Fills the open sign-in form and submits it until {@code expectedViewId} shows. On an instance
     * that is still starting, the form can be rebuilt under the test's hands (the shell refreshes
     * when a plugin adds its views), which loses what was typed; so a form still showing after
     * 30 s is filled once more. A second miss fails with what the page says.
     */
    private void submitCredentials(String username, String password, String expectedViewId) {
        for (int attempt = 1;; attempt++) {
            type("login-username", username);
            type("login-password", password);
            click("login-submit");
            try {
                wait(30).until(d -> displayedOrNull(By.id(expectedViewId)) != null);
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt > 1 || displayedOrNull(By.id("login-view")) == null) {
                    throw new AssertionError("signing in as " + username + " did not show " + expectedViewId
                            + " within 30 s; the page shows: " + describePage(), e);
                }
                System.err.println("[" + name + "] signing in as " + username + " again; the page showed: "
                        + describePage());
                openSignIn(30);
            }
        }
    }

    /** The address and the first visible text of the page, for failure messages. */
    String describePage() {
        try {
            Object text = js().executeScript("return document.body ? document.body.innerText : ''");
            String visible = String.valueOf(text).replaceAll("\\s+", " ").strip();
            return driver.getCurrentUrl() + " \u2014 " + visible.substring(0, Math.min(400, visible.length()));
        } catch (RuntimeException e) {
            return "(page unreadable: " + e + ")";
        }
    }

    /**
     * The administrator's first sign-in on a fresh instance: waits for the sign-in page and the
     * one-time password, then replaces it with {@code newPassword}.
     */
    void firstAdminSignIn(Path karafHome, String newPassword) throws IOException {
        openSignIn(90);
        firstSignIn("admin", adminOneTimePassword(karafHome), newPassword);
    }

    void signOut() {
        wait(10).until(d -> displayedOrNull(By.id("account-logout"))).click();
        wait(15).until(d -> displayedOrNull(By.id("account-login")) != null);
    }

    /** The administrator's one-time password, written by the security bundle on the first start. */
    String adminOneTimePassword(Path karafHome) throws IOException {
        Path file = karafHome.resolve("data/admin-password.txt");
        // The security bundle writes it when it first starts, maybe after HTTP is up.
        wait(60).until(d -> {
            try {
                return Files.isRegularFile(file) && !Files.readString(file).isBlank();
            } catch (IOException e) {
                return false;
            }
        });
        return Files.readString(file).trim();
    }

    /** The demo accounts' one-time passwords (data/demo-accounts.txt: username, password, unit). */
    static Map<String, String> demoOneTimePasswords(Path karafHome) throws IOException {
        try (Stream<String> lines = Files.lines(karafHome.resolve("data/demo-accounts.txt"), StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(",\\s*"))
                    .collect(Collectors.toMap(p -> p[0].strip(), p -> p[1].strip()));
        }
    }

    /**
     * As an administrator: creates a user with one role in admin/users and closes the dialog that
     * shows the new one-time password.
     *
     * @param roleFilter typed into the roles box to find {@code role}
     * @return the user's one-time password
     */
    String createUser(String username, String fullName, String roleFilter, String role) {
        get("/admin/users");
        wait(20).until(d -> displayedOrNull(By.id("users-add"))).click();
        type("user-username", username);
        type("user-full-name", fullName);
        chooseInMultiCombo("user-roles", roleFilter, role).sendKeys(Keys.TAB);
        click("user-save");
        wait(15).until(d -> displayedOrNull(By.id("one-time-passwords")) != null);
        String oneTime = wait(10).until(d -> {
            List<String> texts = gridTexts("one-time-passwords");
            int at = texts.indexOf(username);
            return at >= 0 && at + 1 < texts.size() ? texts.get(at + 1) : null;
        });
        click("one-time-passwords-close");
        return oneTime;
    }

    // --- elements --------------------------------------------------------------------------

    /** Opens a path of the instance, e.g. {@code /admin/users}. */
    void get(String path) {
        driver.get(base + path);
    }

    /** Clicks an element in the middle of the viewport, clear of notices at the edges. */
    void click(String id) {
        // Selenium counts an element scrolled out of the layout's scroll area as hidden: scroll first.
        // The click happens inside the wait, so an element replaced meanwhile (the navigation is
        // rebuilt whenever a bundle adds or removes a view) is looked up and clicked again.
        // A click another element intercepts (a scroll bar or an overlay still moving) is tried again.
        wait(15).ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
            List<WebElement> found = d.findElements(By.id(id));
            if (found.isEmpty()) {
                return null;
            }
            js().executeScript("arguments[0].scrollIntoView({block: 'center'});", found.get(0));
            if (!found.get(0).isDisplayed()) {
                return null;
            }
            found.get(0).click();
            return true;
        });
    }

    /** The text of a displayed element, white space collapsed. */
    String text(String id) {
        WebElement e = wait(10).until(d -> displayedOrNull(By.id(id)));
        return normalise(e.getText());
    }

    String attribute(String id, String attribute) {
        return wait(10).until(d -> displayedOrNull(By.id(id))).getAttribute(attribute);
    }

    boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Replaces the text of a field's input (or text area). */
    void type(String id, String text) {
        // Selenium counts a field scrolled out of the layout's scroll area as hidden: scroll first.
        WebElement input = wait(10).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#" + id + " input, #" + id + " textarea"));
            if (found.isEmpty()) {
                return null;
            }
            js().executeScript("arguments[0].scrollIntoView({block: 'center'});", found.get(0));
            return found.get(0).isDisplayed() ? found.get(0) : null;
        });
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    /** Types and leaves the field, so that its value reaches the server. */
    void typeAndTab(String id, String text) {
        type(id, text);
        driver.findElement(By.cssSelector("#" + id + " input, #" + id + " textarea")).sendKeys(Keys.TAB);
    }

    /** Types a filter into a combo box and picks the item whose text starts with {@code itemPrefix}. */
    void chooseInCombo(String id, String filter, String itemPrefix) {
        WebElement input = wait(10).until(d -> displayedOrNull(By.cssSelector("#" + id + " input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(filter);
        WebElement item = wait(10).until(d -> {
            for (WebElement candidate : d.findElements(By.cssSelector("vaadin-combo-box-item"))) {
                try {
                    if (candidate.isDisplayed() && normalise(candidate.getText()).startsWith(itemPrefix)) {
                        return candidate;
                    }
                } catch (StaleElementReferenceException e) {
                    // the overlay re-rendered; look again
                }
            }
            return null;
        });
        item.click();
        wait(5).until(d -> d.findElements(By.cssSelector("vaadin-combo-box-overlay[opened]")).isEmpty());
    }

    /**
     * Types a filter into a multi-select combo box and ticks the item with this label.
     *
     * @return the box's input, still focused and open: the caller decides how to leave it
     */
    WebElement chooseInMultiCombo(String id, String filter, String label) {
        WebElement input = wait(10).until(d -> displayedOrNull(By.cssSelector("#" + id + " input")));
        input.sendKeys(filter);
        wait(10).until(d -> {
            for (WebElement item : d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item"))) {
                if (item.isDisplayed() && normalise(item.getText()).equals(label)) {
                    item.click();
                    return true;
                }
            }
            return false;
        });
        return input;
    }

    /** Opens a vaadin-select and picks the item with this label. */
    void chooseInSelect(String id, String label) {
        wait(10).until(d -> displayedOrNull(By.id(id))).click();
        WebElement item = wait(10).until(d -> {
            for (WebElement candidate : d.findElements(By.cssSelector("vaadin-select-item"))) {
                try {
                    boolean inValueButton = Boolean.TRUE.equals(js().executeScript(
                            "return !!arguments[0].closest('vaadin-select-value-button');", candidate));
                    if (!inValueButton && candidate.isDisplayed() && label.equals(normalise(candidate.getText()))) {
                        return candidate;
                    }
                } catch (StaleElementReferenceException e) {
                    // the overlay re-rendered; look again
                }
            }
            return null;
        });
        item.click();
        wait(5).until(d -> d.findElements(By.cssSelector("vaadin-select-overlay[opened]")).isEmpty());
    }

    /**
     * The texts of a grid's rendered cells (header and body), white space collapsed. Cells of rows
     * the grid hides (it keeps them, with their old texts, when it shows fewer items) are left out.
     */
    List<String> gridTexts(String id) {
        List<?> texts = (List<?>) js().executeScript("const g = document.getElementById(arguments[0]);"
                + "return g ? Array.from(g.querySelectorAll('vaadin-grid-cell-content'))"
                + "  .filter(c => c.getClientRects().length > 0).map(c => c.textContent) : [];",
                id);
        return texts.stream().map(t -> normalise(String.valueOf(t))).toList();
    }

    /** The texts of the notifications on screen, one a line. */
    String notificationText() {
        Object text = js().executeScript(
                "return Array.from(document.querySelectorAll('vaadin-notification-card'))"
                        + ".map(c => c.textContent).join('\\n');");
        return text == null ? "" : text.toString();
    }

    /** Uploads a file into a vaadin-upload (its native input is in the shadow DOM). */
    void upload(String id, Path file) {
        WebElement upload = wait(20).until(d -> displayedOrNull(By.id(id)));
        WebElement input;
        try {
            input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.NoSuchShadowRootException e) {
            input = upload.findElement(By.cssSelector("input[type=file]"));
        }
        // ChromeDriver refuses a path with ".." in it ("path is not canonical").
        input.sendKeys(file.toAbsolutePath().normalize().toString());
    }

    /** Waits until an element shows exactly this text (white space collapsed). */
    void waitForText(String id, String expected, int seconds) {
        try {
            wait(seconds).until(d -> {
                WebElement e = displayedOrNull(By.id(id));
                return e != null && expected.equals(normalise(e.getText()));
            });
        } catch (RuntimeException e) {
            WebElement now = displayedOrNull(By.id(id));
            throw new AssertionError("#" + id + " did not show \"" + expected + "\" within " + seconds
                    + " s; it shows " + (now == null ? "nothing" : "\"" + now.getText() + "\""), e);
        }
    }

    /** The element if it is there and displayed, else null. */
    WebElement displayedOrNull(By by) {
        try {
            WebElement e = driver.findElement(by);
            return e.isDisplayed() ? e : null;
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return null;
        } catch (org.openqa.selenium.WebDriverException e) {
            // "aborted by navigation": the page is being replaced (signing out reloads it); look again.
            return null;
        }
    }

    /** The path of the page shown. */
    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** A wait that polls every 100 ms and looks again when an element went stale. */
    WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /** The Selenium driver, for what the helpers do not cover. */
    WebDriver driver() {
        return driver;
    }

    /** Saves a screenshot and the page source under target/screenshots. */
    void screenshot(String what) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + "-" + what + ".png"), png);
            Files.writeString(SCREENSHOTS.resolve(name + "-" + what + ".html"), driver.getPageSource(),
                    StandardCharsets.UTF_8);
        } catch (Exception e) {
            System.err.println("could not take a screenshot: " + e);
        }
    }

    /** Collapses white space (no-break spaces included) and strips it at both ends. */
    static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
