package vn.congso.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
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
 * Boots the assembled distribution with {@code bin/karaf run} and drives the shell with headless
 * Chromium: language switch, a plugin appearing by server push when its jar lands in
 * {@code deploy/}, its view, and the tab moved home with a notice when the jar goes away.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ShellBrowserIT {

    static final int HTTP_PORT = 18182;
    static final String BASE = "http://127.0.0.1:" + HTTP_PORT;
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path KARAF_HOME = TARGET.resolve("browser-karaf");
    static final Path KARAF_OUT = TARGET.resolve("browser-karaf.out");
    static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    static final String PLUGIN_JAR_NAME = "congso-itests-test-plugin.jar";

    static final String VI_HOME_TITLE = "Chào mừng đến với Cổng Số";
    static final String EN_HOME_TITLE = "Welcome to CongSo";
    static final String VI_APP_TITLE = "UBND huyện Trần Đề";
    static final String EN_APP_TITLE = "Tran De District People's Committee";
    static final String ADMIN_PASSWORD = "Tran De 2026 mới";
    static final String VI_GREETING = "Xin chào từ plugin thử nghiệm.";

    /** Selenium warns at length that it has no CDP module for this Chromium; we use none. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private static Process karaf;
    /** The browser the helpers below act in; a test may switch it to act as another person. */
    private static WebDriver driver;
    private static final List<WebDriver> BROWSERS = new ArrayList<>();
    private static final List<Path> USER_DATA_DIRS = new ArrayList<>();
    private static Path pluginJar;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            screenshot(context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    static void startKarafAndBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        Path zip = Path.of(CongSoContainer.requiredFile("congso.distribution.zip"));
        pluginJar = Path.of(CongSoContainer.requiredFile("congso.testplugin.jar"));

        karaf = KarafProcess.start(zip, KARAF_HOME, KARAF_OUT,
                new CongSoContainer.Ports(HTTP_PORT, 18102, 11098, 44446),
                90_000);

        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        driver = newBrowser();
    }

    /** A headless Chromium with a profile of its own: a separate person with separate cookies. */
    private static WebDriver newBrowser() throws IOException {
        Path userDataDir = Files.createTempDirectory("congso-chromium-");
        USER_DATA_DIRS.add(userDataDir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + userDataDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        BROWSERS.add(browser);
        return browser;
    }

    @AfterAll
    static void stopBrowserAndKaraf() throws Exception {
        try {
            for (WebDriver browser : BROWSERS) {
                browser.quit();
            }
            BROWSERS.clear();
            driver = null;
        } finally {
            KarafProcess.stop(KARAF_HOME, karaf);
            karaf = null;
            for (Path dir : USER_DATA_DIRS) {
                KarafProcess.deleteTree(dir);
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void languageSwitchAndPluginComingAndGoing() throws Exception {
        driver.get(BASE + "/");
        waitForText("home-title", VI_HOME_TITLE, 30);
        waitForText("app-title", VI_APP_TITLE, 5);

        chooseLanguage("English");
        waitForText("home-title", EN_HOME_TITLE, 15);
        waitForText("app-title", EN_APP_TITLE, 5);

        chooseLanguage("Tiếng Việt");
        waitForText("home-title", VI_HOME_TITLE, 15);
        waitForText("app-title", VI_APP_TITLE, 5);

        // Mark this page so that we can tell whether it reloads.
        js().executeScript("window.__congsoNoReload = 'still-here';");
        Path deployed = KARAF_HOME.resolve("deploy").resolve(PLUGIN_JAR_NAME);
        Path staging = KARAF_HOME.resolve(PLUGIN_JAR_NAME + ".tmp");
        Files.copy(pluginJar, staging, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging, deployed, StandardCopyOption.ATOMIC_MOVE);

        // File install may still be waiting for Karaf's boot features to finish deploying.
        WebElement navItem = wait(40).until(d -> displayedOrNull(By.id("nav-test-plugin")));
        assertEquals("still-here", js().executeScript("return window.__congsoNoReload;"),
                "the page reloaded instead of receiving the new navigation entry by push");

        navItem.click();
        waitForText("test-plugin-greeting", VI_GREETING, 10);
        wait(5).until(d -> path().equals("/test-plugin"));

        Files.delete(deployed);
        wait(15).until(d -> displayedOrNull(By.id("home-view")) != null && !path().startsWith("/test-plugin"));
        String notice = wait(10).until(d -> {
            String text = notificationText();
            return text.contains("đang được cập nhật") ? text : null;
        });
        assertTrue(Boolean.TRUE.equals(js().executeScript(
                "return !!document.getElementById('service-updating-notice');")),
                "no vaadin-notification with id service-updating-notice");
        wait(5).until(d -> displayedOrNull(By.id("nav-test-plugin")) == null);
        reportErrorsLogged();

        // The notice names the departed service by its translated title.
        assertTrue(notice.startsWith("Dịch vụ \"Dịch vụ thử nghiệm\" đang được cập nhật"),
                "the notice should name the service by its title: " + notice);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aProtectedPageAsksForSignInAndTheOneTimePasswordMustBeChanged() throws Exception {
        driver.get(BASE + "/admin/users");
        wait(20).until(d -> displayedOrNull(By.id("login-view")) != null);

        type("login-username", "admin");
        type("login-password", "sai-mat-khau-1");
        driver.findElement(By.id("login-submit")).click();
        waitForText("login-error", "Tên đăng nhập hoặc mật khẩu không đúng.", 15);

        // Five failures lock a name, and a name that does not exist is locked the same way,
        // so the message never tells whether an account exists.
        type("login-username", "nguoi-la");
        for (int attempt = 1; attempt <= 4; attempt++) {
            type("login-password", "sai-mat-khau-" + attempt);
            driver.findElement(By.id("login-submit")).click();
            // The server empties the password field when it answers: wait for this attempt's answer.
            wait(15).until(d -> "".equals(js().executeScript(
                    "return document.querySelector('#login-password input').value;")));
            waitForText("login-error", "Tên đăng nhập hoặc mật khẩu không đúng.", 15);
        }
        type("login-password", "sai-mat-khau-5");
        driver.findElement(By.id("login-submit")).click();
        wait(15).until(d -> {
            WebElement error = displayedOrNull(By.id("login-error"));
            return error != null && error.getText().contains("tạm bị khóa");
        });
        type("login-username", "admin");

        String oneTime = Files.readString(KARAF_HOME.resolve("data/admin-password.txt")).trim();
        type("login-password", oneTime);
        driver.findElement(By.id("login-submit")).click();
        wait(20).until(d -> displayedOrNull(By.id("change-password-view")) != null);
        assertTrue(displayedOrNull(By.id("password-must-change")) != null, "no notice about the one-time password");
        assertTrue(displayedOrNull(By.id("nav-admin-users")) == null,
                "administration must stay hidden until the one-time password is changed");

        type("password-current", oneTime);
        type("password-new", ADMIN_PASSWORD);
        type("password-repeat", "Tran De 2026 khác");
        driver.findElement(By.id("password-save")).click();
        wait(15).until(d -> Boolean.TRUE.equals(js().executeScript(
                "var f = document.getElementById('password-repeat'); return f && f.hasAttribute('invalid');")));

        type("password-repeat", ADMIN_PASSWORD);
        driver.findElement(By.id("password-save")).click();
        wait(20).until(d -> displayedOrNull(By.id("home-view")) != null);
        wait(15).until(d -> displayedOrNull(By.id("nav-admin-users")) != null);
        assertTrue(displayedOrNull(By.id("account-logout")) != null, "no sign-out link for a signed-in user");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void anAdministratorCreatesAUserWhoSeesExactlyWhatTheirRoleAllows() throws Exception {
        // Signed in as admin by the previous test. Grant editors the audit log in the matrix.
        driver.get(BASE + "/admin/roles");
        WebElement grant = wait(20).until(d -> displayedOrNull(By.id("perm-editor-platform_audit_view")));
        assertTrue(grant.getAttribute("checked") == null, "editors must not read the audit log by default");
        grant.click();
        wait(10).until(d -> notificationText().contains("Biên tập viên"));

        driver.get(BASE + "/admin/users");
        wait(20).until(d -> displayedOrNull(By.id("users-add"))).click();
        type("user-username", "bientap.taivan");
        type("user-full-name", "Lê Thị Biên Tập <b>đậm</b>");
        WebElement roles = wait(10).until(d -> displayedOrNull(By.cssSelector("#user-roles input")));
        roles.sendKeys("Biên");
        wait(10).until(d -> {
            for (WebElement item : d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item"))) {
                if (item.isDisplayed() && item.getText().trim().equals("Biên tập viên")) {
                    item.click();
                    return true;
                }
            }
            return false;
        });
        roles.sendKeys(Keys.TAB);
        driver.findElement(By.id("user-save")).click();
        wait(15).until(d -> displayedOrNull(By.id("one-time-passwords")) != null);
        String oneTime = wait(10).until(d -> {
            Object cells = js().executeScript("return Array.from(document.querySelectorAll("
                    + "'#one-time-passwords vaadin-grid-cell-content')).map(c => c.textContent.trim());");
            List<?> texts = (List<?>) cells;
            int at = texts.indexOf("bientap.taivan");
            return at >= 0 && at + 1 < texts.size() ? (String) texts.get(at + 1) : null;
        });
        driver.findElement(By.id("one-time-passwords-close")).click();

        // The name is shown as text, never interpreted as HTML.
        wait(10).until(d -> Boolean.TRUE.equals(js().executeScript("return Array.from(document.querySelectorAll("
                + "'#users-grid vaadin-grid-cell-content')).some(c => c.textContent.includes('<b>đậm</b>'));")));

        wait(10).until(d -> displayedOrNull(By.id("account-logout"))).click();
        wait(15).until(d -> displayedOrNull(By.id("account-login")) != null);

        driver.get(BASE + "/login");
        type("login-username", "bientap.taivan");
        type("login-password", oneTime);
        driver.findElement(By.id("login-submit")).click();
        wait(20).until(d -> displayedOrNull(By.id("change-password-view")) != null);
        type("password-current", oneTime);
        type("password-new", "Biên tập Tài Văn 2026");
        type("password-repeat", "Biên tập Tài Văn 2026");
        driver.findElement(By.id("password-save")).click();
        wait(20).until(d -> displayedOrNull(By.id("home-view")) != null);

        // Exactly what the editor role permits now: the home page, the audit log, their account.
        wait(15).until(d -> displayedOrNull(By.id("nav-admin-audit")) != null);
        Object ids = js().executeScript("return Array.from(document.querySelectorAll('vaadin-side-nav-item'))"
                + ".map(e => e.id).filter(id => id).sort();");
        assertEquals(List.of("nav-account-password", "nav-account-profile", "nav-admin-audit", "nav-home"), ids);

        driver.get(BASE + "/admin/users");
        wait(20).until(d -> displayedOrNull(By.id("access-denied-view")) != null);
        driver.get(BASE + "/admin/audit");
        wait(20).until(d -> displayedOrNull(By.id("audit-view")) != null);
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void anAdministratorInstallsASignedPluginThatAnotherUsersOpenTabShowsAtOnce() throws Exception {
        // The editor of the previous test keeps a tab open on the home page.
        WebDriver editor = driver;
        editor.get(BASE + "/");
        wait(20).until(d -> displayedOrNull(By.id("home-view")) != null);
        assertTrue(displayedOrNull(By.id("nav-test-plugin")) == null, "the test plugin is not installed yet");
        js().executeScript("window.__congsoNoReload = 'editor-tab';");

        WebDriver admin = newBrowser();
        driver = admin;
        driver.get(BASE + "/login");
        type("login-username", "admin");
        type("login-password", ADMIN_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait(20).until(d -> displayedOrNull(By.id("home-view")) != null);
        driver.get(BASE + "/admin/plugins");
        WebElement upload = wait(20).until(d -> displayedOrNull(By.id("plugins-upload")));
        fileInput(upload).sendKeys(pluginJar.toString());

        waitForText("plugins-dry-run-plugin", "Plugin: congso-itests-test-plugin, phiên bản 0.1.0.SNAPSHOT", 20);
        assertTrue(textOf("plugins-dry-run-signer").contains("CongSo TEST plugin signer"),
                "the dry run names the signer: " + textOf("plugins-dry-run-signer"));
        assertTrue(textOf("plugins-dry-run-install").contains("congso-itests-test-plugin/0.1.0.SNAPSHOT"));
        assertTrue(textOf("plugins-dry-run-refresh").contains("Không có."), "nothing may be refreshed");
        driver.findElement(By.id("plugins-dry-run-confirm")).click();
        wait(30).until(d -> notificationText().contains("Hoàn tất"));
        waitForText("plugin-state-congso-itests-test-plugin", "Đang chạy", 10);

        // The other person's open tab receives the new entry by push, without a reload.
        driver = editor;
        WebElement entry = wait(15).until(d -> displayedOrNull(By.id("nav-test-plugin")));
        assertEquals("editor-tab", js().executeScript("return window.__congsoNoReload;"));
        entry.click();
        waitForText("test-plugin-greeting", VI_GREETING, 10);

        // The administrator uninstalls it; the editor is moved home and told why.
        driver = admin;
        driver.findElement(By.id("plugins-uninstall-congso-itests-test-plugin")).click();
        wait(10).until(d -> displayedOrNull(By.id("plugins-uninstall-confirm"))).click();
        wait(30).until(d -> displayedOrNull(By.id("plugin-state-congso-itests-test-plugin")) == null);

        driver = editor;
        wait(15).until(d -> displayedOrNull(By.id("home-view")) != null && !path().startsWith("/test-plugin"));
        wait(10).until(d -> notificationText().contains("đang được cập nhật"));
        wait(5).until(d -> displayedOrNull(By.id("nav-test-plugin")) == null);
    }

    /** The native file input of a vaadin-upload, in its shadow DOM or (older versions) its light DOM. */
    private static WebElement fileInput(WebElement upload) {
        try {
            return upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        } catch (NoSuchElementException e) {
            return upload.findElement(By.cssSelector("input[type=file]"));
        }
    }

    private static String textOf(String id) {
        WebElement element = wait(10).until(d -> displayedOrNull(By.id(id)));
        return element.getText().trim();
    }

    private static void type(String id, String text) {
        WebElement input = wait(10).until(d -> displayedOrNull(By.cssSelector("#" + id + " input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    // --- browser helpers -------------------------------------------------------------------

    /** Opens the language select and picks the item with this label; the page then reloads. */
    private static void chooseLanguage(String label) {
        WebElement select = wait(10).until(d -> displayedOrNull(By.id("language-switch")));
        select.click();
        WebElement item = wait(10).until(d -> {
            for (WebElement candidate : d.findElements(By.cssSelector("vaadin-select-item"))) {
                try {
                    boolean inValueButton = Boolean.TRUE.equals(js().executeScript(
                            "return !!arguments[0].closest('vaadin-select-value-button');", candidate));
                    if (!inValueButton && candidate.isDisplayed()
                            && label.equals(candidate.getText().trim())) {
                        return candidate;
                    }
                } catch (StaleElementReferenceException e) {
                    // the overlay re-rendered; look again
                }
            }
            return null;
        });
        item.click();
    }

    private static void waitForText(String id, String expected, int seconds) {
        try {
            wait(seconds).until(d -> {
                WebElement e = displayedOrNull(By.id(id));
                return e != null && expected.equals(e.getText().trim());
            });
        } catch (RuntimeException e) {
            WebElement now = displayedOrNull(By.id(id));
            throw new AssertionError("#" + id + " did not show \"" + expected + "\" within " + seconds
                    + " s; it shows " + (now == null ? "nothing" : "\"" + now.getText() + "\""), e);
        }
    }

    private static WebElement displayedOrNull(By by) {
        try {
            WebElement e = driver.findElement(by);
            return e.isDisplayed() ? e : null;
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return null;
        }
    }

    private static String notificationText() {
        Object text = js().executeScript(
                "return Array.from(document.querySelectorAll('vaadin-notification-card'))"
                        + ".map(c => c.textContent).join('\\n');");
        return text == null ? "" : text.toString();
    }

    private static String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private static WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private static void screenshot(String name) {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(ShellBrowserIT.class.getSimpleName() + "-" + name + ".png"), png);
            Files.writeString(SCREENSHOTS.resolve(ShellBrowserIT.class.getSimpleName() + "-" + name + ".html"),
                    driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            System.err.println("could not take a screenshot: " + e);
        }
    }

    // --- Karaf helpers ---------------------------------------------------------------------

    /**
     * Prints the ERROR lines of this Karaf's log. Not an assertion here (PluginLifecycleIT asserts
     * a clean log): a browser's push connection (long polling) being cut by a page reload makes
     * Atmosphere log "Failed to cancel resource" NullPointerExceptions on Jetty 12.
     */
    private static void reportErrorsLogged() throws IOException {
        Path log = KARAF_HOME.resolve("data/log/karaf.log");
        assertTrue(Files.isRegularFile(log), "no Karaf log at " + log);
        List<String> errors;
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            errors = lines.filter(l -> l.contains("| ERROR |")).collect(Collectors.toList());
        }
        if (!errors.isEmpty()) {
            System.out.println("[ShellBrowserIT] " + errors.size() + " ERROR line(s) in " + log + ":\n"
                    + String.join("\n", errors));
        }
    }
}
