package vn.congso.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import vn.congso.training.internal.exchange.GiftParser;
import vn.congso.training.internal.exchange.ImportResult;
import vn.congso.training.internal.exchange.ImportedQuestion;
import vn.congso.training.internal.question.ChoiceQuestion;
import vn.congso.training.internal.question.MatchPair;
import vn.congso.training.internal.question.MatchingQuestion;
import vn.congso.training.internal.question.NumericalQuestion;
import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.question.ShortAnswerQuestion;
import vn.congso.training.internal.question.TextAnswer;
import vn.congso.training.internal.question.TrueFalseQuestion;

/**
 * A civil servant's whole journey through the training plugin in headless Chromium, against
 * the assembled distribution started with {@code bin/karaf run} on ports of its own: the
 * administrator creates a learner; the learner enrols in the demo course, studies a lesson,
 * starts the exam, answers, reloads in the middle and finds every answer again, submits, sees
 * the result and downloads the certificate; the public verification page, opened after signing
 * out, says the certificate is valid.
 *
 * <p>The learner answers from the demo bank itself (read with the plugin's GIFT parser), so the
 * attempt passes whatever questions the random draw picks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingBrowserIT {

    static final int HTTP_PORT = 18682;
    static final String BASE = "http://127.0.0.1:" + HTTP_PORT;
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path KARAF_HOME = TARGET.resolve("training-karaf");
    static final Path KARAF_OUT = TARGET.resolve("training-karaf.out");
    static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    static final String DEMO_COURSE = "Kỹ năng công nghệ thông tin cơ bản";
    static final String LEARNER = "hocvien.taivan";
    static final String LEARNER_PASSWORD = "Học viên Tài Văn 2026";

    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private static Process karaf;
    private static WebDriver driver;
    private static Path userDataDir;
    private static List<ImportedQuestion> bank;
    private static String certificateCode;

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
        try (var in = TrainingBrowserIT.class.getResourceAsStream("/demo/it-basics.gift")) {
            assertNotNull(in, "the demo bank is not on the test class path");
            ImportResult read = new GiftParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(read.succeeded(), "the demo bank does not parse: " + read.errors());
            bank = read.questions();
        }

        karaf = KarafProcess.start(zip, KARAF_HOME, KARAF_OUT,
                new CongSoContainer.Ports(HTTP_PORT, 18602, 11698, 44461),
                120_000);

        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        userDataDir = Files.createTempDirectory("congso-training-chromium-");
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

    @AfterAll
    static void stopBrowserAndKaraf() throws Exception {
        try {
            if (driver != null) {
                driver.quit();
                driver = null;
            }
        } finally {
            KarafProcess.stop(KARAF_HOME, karaf);
            karaf = null;
            if (userDataDir != null) {
                KarafProcess.deleteTree(userDataDir);
            }
        }
    }

    @Test
    @Order(1)
    void theAdministratorCreatesALearner() throws Exception {
        // HTTP answers before every bundle has contributed its views: reload until the sign-in page is there.
        long until = System.currentTimeMillis() + 90_000;
        do {
            driver.get(BASE + "/login");
            try {
                wait(5).until(d -> displayedOrNull(By.id("login-view")) != null);
                break;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (System.currentTimeMillis() > until) {
                    throw e;
                }
            }
        } while (true);
        // The security bundle writes the one-time password when it first starts, maybe after HTTP is up.
        Path adminPassword = KARAF_HOME.resolve("data/admin-password.txt");
        wait(60).until(d -> Files.isRegularFile(adminPassword));
        String oneTime = Files.readString(adminPassword).trim();
        type("login-username", "admin");
        type("login-password", oneTime);
        click("login-submit");
        wait(30).until(d -> displayedOrNull(By.id("change-password-view")) != null);
        type("password-current", oneTime);
        type("password-new", "Tran De 2026 quản trị");
        type("password-repeat", "Tran De 2026 quản trị");
        click("password-save");
        wait(20).until(d -> displayedOrNull(By.id("home-view")) != null);

        driver.get(BASE + "/admin/users");
        wait(20).until(d -> displayedOrNull(By.id("users-add"))).click();
        type("user-username", LEARNER);
        type("user-full-name", "Nguyễn Văn Học");
        WebElement roles = wait(10).until(d -> displayedOrNull(By.cssSelector("#user-roles input")));
        roles.sendKeys("Học");
        wait(10).until(d -> {
            for (WebElement item : d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item"))) {
                if (item.isDisplayed() && item.getText().trim().equals("Học viên")) {
                    item.click();
                    return true;
                }
            }
            return false;
        });
        roles.sendKeys(Keys.TAB);
        click("user-save");
        wait(15).until(d -> displayedOrNull(By.id("one-time-passwords")) != null);
        String learnerOneTime = wait(10).until(d -> {
            List<?> texts = (List<?>) js().executeScript("return Array.from(document.querySelectorAll("
                    + "'#one-time-passwords vaadin-grid-cell-content')).map(c => c.textContent.trim());");
            int at = texts.indexOf(LEARNER);
            return at >= 0 && at + 1 < texts.size() ? (String) texts.get(at + 1) : null;
        });
        click("one-time-passwords-close");
        signOut();

        driver.get(BASE + "/login");
        type("login-username", LEARNER);
        type("login-password", learnerOneTime);
        click("login-submit");
        wait(20).until(d -> displayedOrNull(By.id("change-password-view")) != null);
        type("password-current", learnerOneTime);
        type("password-new", LEARNER_PASSWORD);
        type("password-repeat", LEARNER_PASSWORD);
        click("password-save");
        wait(20).until(d -> displayedOrNull(By.id("home-view")) != null);
        wait(15).until(d -> displayedOrNull(By.id("nav-training")) != null);
    }

    @Test
    @Order(2)
    void theLearnerEnrolsAndStudiesALesson() {
        driver.get(BASE + "/training");
        wait(20).until(d -> displayedOrNull(By.id("catalogue-view")) != null);
        WebElement card = wait(15).until(d -> {
            for (WebElement c : d.findElements(By.cssSelector("#catalogue-all [id^='course-card-']"))) {
                if (DEMO_COURSE.equals(c.getAttribute("data-title"))) {
                    return c;
                }
            }
            return null;
        });
        card.findElement(By.cssSelector("vaadin-button[id^='enrol-']")).click();
        wait(20).until(d -> displayedOrNull(By.id("course-view")) != null);
        waitForText("course-title", DEMO_COURSE, 10);
        assertTrue(text("course-progress-text").startsWith("Đã học 0/"), text("course-progress-text"));

        click("lesson-link-1");
        wait(20).until(d -> displayedOrNull(By.id("lesson-view")) != null);
        String content = text("lesson-content");
        assertTrue(content.length() > 200, "the first lesson has hardly any content: " + content);
        assertEquals(0L, js().executeScript("return document.querySelectorAll('#lesson-content script').length;"));
        click("lesson-mark-studied");
        wait(10).until(d -> displayedOrNull(By.id("lesson-studied")) != null);

        click("lesson-course");
        wait(20).until(d -> displayedOrNull(By.id("course-view")) != null);
        wait(10).until(d -> "true".equals(d.findElement(By.id("course-lesson-1")).getAttribute("data-viewed")));
        assertTrue(text("course-progress-text").startsWith("Đã học 1/"), text("course-progress-text"));
    }

    @Test
    @Order(3)
    void theLearnerTakesTheExamReloadsMidwayAndPasses() {
        WebElement openExam = wait(10).until(d -> displayedOrNull(By.cssSelector("vaadin-button[id^='course-exam-']")));
        openExam.click();
        wait(20).until(d -> displayedOrNull(By.id("exam-view")) != null);
        click("exam-start");
        wait(10).until(d -> displayedOrNull(By.id("exam-start-confirm-button"))).click();
        wait(20).until(d -> displayedOrNull(By.id("attempt-view")) != null);
        String attemptUrl = driver.getCurrentUrl();
        assertTrue(URI.create(attemptUrl).getPath().startsWith("/training/attempt/"), attemptUrl);
        wait(10).until(d -> text("exam-timer").matches("(\\d+:)?\\d\\d:\\d\\d"));

        int count = driver.findElements(By.cssSelector("#exam-navigator vaadin-button[id^='exam-nav-']")).size();
        assertTrue(count >= 3, "the exam has " + count + " questions");
        Map<Integer, String> answered = new LinkedHashMap<>();
        int before = Math.min(3, count);
        for (int n = 1; n <= before; n++) {
            goTo(n);
            answered.put(n, answerCorrectly(n));
        }

        // A reload (or another browser) resumes the same attempt with every acknowledged answer.
        driver.navigate().refresh();
        wait(30).until(d -> displayedOrNull(By.id("attempt-view")) != null);
        assertEquals(attemptUrl, driver.getCurrentUrl());
        for (Map.Entry<Integer, String> entry : answered.entrySet()) {
            int n = entry.getKey();
            wait(10).until(d -> String.valueOf(d.findElement(By.id("exam-nav-" + n)).getAttribute("data-state"))
                    .startsWith("answered"));
            goTo(n);
            String shown = shownAnswer();
            assertEquals(entry.getValue(), shown, "question " + n + " after the reload");
            assertTrue(text("exam-save-status").startsWith("Đã lưu"), text("exam-save-status"));
        }

        for (int n = before + 1; n <= count; n++) {
            goTo(n);
            answerCorrectly(n);
        }
        click("exam-submit");
        WebElement confirm = wait(10).until(d -> displayedOrNull(By.id("exam-submit-confirm-button")));
        assertTrue(js().executeScript("return document.getElementById('exam-submit-unanswered')") == null,
                "every question was answered, yet the confirmation lists unanswered ones");
        confirm.click();

        wait(30).until(d -> displayedOrNull(By.id("result-view")) != null);
        WebElement outcome = wait(10).until(d -> displayedOrNull(By.id("result-outcome")));
        assertEquals("true", outcome.getAttribute("data-passed"), "the learner answered from the bank and must pass: "
                + text("result-summary"));
        assertTrue(text("result-score").startsWith("Điểm: "), text("result-score"));

        WebElement download = wait(10).until(d -> displayedOrNull(By.id("result-certificate-download")));
        String href = download.getAttribute("href");
        Object head = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer())"
                        + ".then(b => done(new TextDecoder('latin1').decode(new Uint8Array(b).slice(0, 5)) + ':' + b.byteLength))"
                        + ".catch(e => done('error ' + e));", href);
        assertTrue(String.valueOf(head).startsWith("%PDF-"), "the certificate is not a PDF: " + head);
        assertTrue(Integer.parseInt(String.valueOf(head).substring(6)) > 2000, "the certificate PDF is tiny: " + head);

        Matcher code = Pattern.compile("Mã chứng chỉ: ([A-Z0-9-]+)").matcher(text("result-summary"));
        assertTrue(code.find(), "no certificate code on the result: " + text("result-summary"));
        certificateCode = code.group(1);
    }

    @Test
    @Order(4)
    void theVerificationPageSaysValidWithoutSigningIn() {
        assertNotNull(certificateCode, "the previous test earned no certificate");
        signOut();
        driver.get(BASE + "/training/verify/" + certificateCode);
        wait(20).until(d -> displayedOrNull(By.id("verify-view")) != null);
        WebElement status = wait(10).until(d -> displayedOrNull(By.id("verify-status")));
        assertEquals("VALID", status.getAttribute("data-status"));
        assertEquals("Chứng chỉ hợp lệ", status.getText().trim());
        assertEquals("Nguyễn Văn Học", text("verify-holder"));
        assertEquals(DEMO_COURSE, text("verify-course"));
        assertFalse(path().startsWith("/login"));

        driver.get(BASE + "/training/verify/KHONG-CO-MA-NAY");
        wait(20).until(d -> {
            WebElement s = displayedOrNull(By.id("verify-status"));
            return s != null && "UNKNOWN".equals(s.getAttribute("data-status"));
        });
        reportErrorsLogged();
    }

    // --- exam helpers ----------------------------------------------------------------------

    private static void goTo(int n) {
        click("exam-nav-" + n);
        wait(10).until(d -> text("exam-question-number").startsWith("Câu " + n + "/"));
    }

    /** The demo question on screen, found by its text. */
    private static Question questionOnScreen() {
        String shown = normalise(text("exam-text"));
        for (ImportedQuestion candidate : bank) {
            String text = asShown(candidate.question().prompt().text(), candidate.question());
            if (text.equals(shown)) {
                return candidate.question();
            }
        }
        throw new AssertionError("question not in the demo bank: " + shown);
    }

    private static final vn.congso.training.internal.content.SafeMarkdown MARKDOWN =
            new vn.congso.training.internal.content.SafeMarkdown();

    /** A text of the bank as the page shows it: rendered in its format, then read as plain text. */
    private static String asShown(String text, Question question) {
        return normalise(org.jsoup.Jsoup.parse(MARKDOWN.render(text, question.prompt().format())).text());
    }

    private static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    /**
     * Answers the question on screen with its full-mark answer and waits for the acknowledgement.
     *
     * @return what the input shows afterwards, to compare after the reload
     */
    private static String answerCorrectly(int n) {
        Question question = questionOnScreen();
        if (question instanceof ChoiceQuestion choice) {
            List<String> right = choice.choices().stream().filter(c -> c.fraction() > 0)
                    .map(c -> asShown(c.text(), choice)).toList();
            String tag = choice.single() ? "vaadin-radio-button" : "vaadin-checkbox";
            for (WebElement option : driver.findElements(By.cssSelector("#exam-answer " + tag))) {
                if (right.contains(normalise(option.getText()))) {
                    option.findElement(By.cssSelector("input")).click();
                    if (choice.single()) {
                        break;
                    }
                }
            }
        } else if (question instanceof TrueFalseQuestion truth) {
            String label = truth.correctAnswer() ? "Đúng" : "Sai";
            for (WebElement option : driver.findElements(By.cssSelector("#exam-answer vaadin-radio-button"))) {
                if (label.equals(option.getText().trim())) {
                    option.findElement(By.cssSelector("input")).click();
                }
            }
        } else if (question instanceof ShortAnswerQuestion shortAnswer) {
            String right = shortAnswer.answers().stream().filter(a -> a.fraction() >= 1).map(TextAnswer::text)
                    .findFirst().orElseThrow();
            type("exam-answer", right);
            driver.findElement(By.cssSelector("#exam-answer input")).sendKeys(Keys.TAB);
        } else if (question instanceof NumericalQuestion numerical) {
            double value = numerical.answers().stream().filter(a -> a.fraction() >= 1).findFirst().orElseThrow().value();
            type("exam-answer", value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value));
            driver.findElement(By.cssSelector("#exam-answer input")).sendKeys(Keys.TAB);
        } else if (question instanceof MatchingQuestion matching) {
            int item = 0;
            for (MatchPair pair : matching.pairs()) {
                if (pair.isDistractor()) {
                    continue;
                }
                item++;
                chooseInSelect("exam-match-" + item, pair.answer());
            }
        }
        wait(15).until(d -> "saved".equals(d.findElement(By.id("exam-save-status")).getAttribute("data-state"))
                && text("exam-save-status").startsWith("Đã lưu lúc"));
        wait(10).until(d -> String.valueOf(d.findElement(By.id("exam-nav-" + n)).getAttribute("data-state"))
                .startsWith("answered"));
        return shownAnswer();
    }

    /** What the inputs of the question on screen show, as text. */
    private static String shownAnswer() {
        Object shown = js().executeScript(
                "const a = document.getElementById('exam-answer'); if (!a) return '';"
                        + "const tag = a.tagName.toLowerCase();"
                        + "if (tag === 'vaadin-radio-group') return Array.from(a.querySelectorAll('vaadin-radio-button'))"
                        + "  .filter(r => r.hasAttribute('checked')).map(r => r.textContent.trim()).join('|');"
                        + "if (tag === 'vaadin-checkbox-group') return Array.from(a.querySelectorAll('vaadin-checkbox'))"
                        + "  .filter(r => r.hasAttribute('checked')).map(r => r.textContent.trim()).join('|');"
                        + "if (tag === 'vaadin-text-field' || tag === 'vaadin-number-field') return String(a.value);"
                        + "return Array.from(a.querySelectorAll('vaadin-select')).map(s => {"
                        + "  const b = s.querySelector('vaadin-select-value-button'); return b ? b.textContent.trim() : s.value;"
                        + "}).join('|');");
        return String.valueOf(shown);
    }

    private static void chooseInSelect(String id, String label) {
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

    // --- browser helpers -------------------------------------------------------------------

    private static void signOut() {
        wait(10).until(d -> displayedOrNull(By.id("account-logout"))).click();
        wait(15).until(d -> displayedOrNull(By.id("account-login")) != null);
    }

    /** Clicks an element in the middle of the viewport, clear of notices at the edges. */
    private static void click(String id) {
        // Selenium counts an element scrolled out of the layout's scroll area as hidden: scroll first.
        WebElement element = wait(15).until(d -> {
            List<WebElement> found = d.findElements(By.id(id));
            if (found.isEmpty()) {
                return null;
            }
            js().executeScript("arguments[0].scrollIntoView({block: 'center'});", found.get(0));
            return found.get(0).isDisplayed() ? found.get(0) : null;
        });
        element.click();
    }

    private static String text(String id) {
        WebElement e = wait(10).until(d -> displayedOrNull(By.id(id)));
        return e.getText().trim();
    }

    private static void type(String id, String text) {
        WebElement input = wait(10).until(d -> displayedOrNull(By.cssSelector("#" + id + " input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
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
        } catch (org.openqa.selenium.WebDriverException e) {
            // "aborted by navigation": the page is being replaced (signing out reloads it); look again.
            return null;
        }
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
            Files.write(SCREENSHOTS.resolve(TrainingBrowserIT.class.getSimpleName() + "-" + name + ".png"), png);
            Files.writeString(SCREENSHOTS.resolve(TrainingBrowserIT.class.getSimpleName() + "-" + name + ".html"),
                    driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            System.err.println("could not take a screenshot: " + e);
        }
    }

    // --- Karaf helpers ---------------------------------------------------------------------

    private static void reportErrorsLogged() {
        Path log = KARAF_HOME.resolve("data/log/karaf.log");
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> errors = lines.filter(l -> l.contains("| ERROR |")).collect(Collectors.toList());
            if (!errors.isEmpty()) {
                System.out.println("[TrainingBrowserIT] " + errors.size() + " ERROR line(s) in " + log + ":\n"
                        + String.join("\n", errors));
            }
        } catch (IOException e) {
            System.out.println("[TrainingBrowserIT] no Karaf log: " + e);
        }
    }
}
