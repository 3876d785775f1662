package vn.congso.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import vn.congso.training.internal.content.SafeMarkdown;
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
 * One headless Chromium on a CongSo instance, with what the training browser tests
 * ({@link ExamDurabilityIT}, {@link TrainerBrowserIT}) do in it: sign in, click and type by
 * component id, choose in combo boxes, answer exam questions from a known bank and read back
 * what the answer inputs show. Everything waits for a condition; nothing sleeps.
 */
final class TrainingBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target").toAbsolutePath().resolve("screenshots");

    private static final SafeMarkdown MARKDOWN = new SafeMarkdown();

    private final String base;
    private final String name;
    private final Path userDataDir;
    private final WebDriver driver;

    /** Whether Chromium and its driver are installed. */
    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Starts a browser with its own profile.
     *
     * @param base the instance's address, e.g. {@code http://127.0.0.1:19181}
     * @param name used in screenshot file names
     */
    TrainingBrowser(String base, String name) throws IOException {
        this.base = base;
        this.name = name;
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
        type("login-username", username);
        type("login-password", password);
        click("login-submit");
        wait(30).until(d -> displayedOrNull(By.id("home-view")) != null);
    }

    /** Signs in with a one-time password and replaces it, as every first sign-in must. */
    void firstSignIn(String username, String oneTime, String newPassword) {
        openSignIn(90);
        type("login-username", username);
        type("login-password", oneTime);
        click("login-submit");
        wait(30).until(d -> displayedOrNull(By.id("change-password-view")) != null);
        type("password-current", oneTime);
        type("password-new", newPassword);
        type("password-repeat", newPassword);
        click("password-save");
        wait(30).until(d -> displayedOrNull(By.id("home-view")) != null);
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

    /** The demo learners' one-time passwords (data/demo-accounts.txt: username, password, unit). */
    static Map<String, String> demoOneTimePasswords(Path karafHome) throws IOException {
        try (Stream<String> lines = Files.lines(karafHome.resolve("data/demo-accounts.txt"), StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(",\\s*"))
                    .collect(Collectors.toMap(p -> p[0].strip(), p -> p[1].strip()));
        }
    }

    // --- training --------------------------------------------------------------------------

    /**
     * Opens a published course from the catalogue by its title, enrolling when not enrolled.
     *
     * @return the course id
     */
    long openCourse(String title) {
        get("/training");
        wait(20).until(d -> displayedOrNull(By.id("catalogue-view")) != null);
        WebElement card = wait(15).until(d -> {
            for (WebElement c : d.findElements(By.cssSelector("#catalogue-all [id^='course-card-']"))) {
                if (title.equals(c.getAttribute("data-title"))) {
                    return c;
                }
            }
            return null;
        });
        long courseId = Long.parseLong(card.getAttribute("id").substring("course-card-".length()));
        get("/training/course/" + courseId);
        wait(20).until(d -> displayedOrNull(By.id("course-view")) != null);
        return courseId;
    }

    /**
     * On a course page, the id of the exam card with this title.
     *
     * @return the exam id
     */
    long examIdOnCoursePage(String examTitle) {
        return wait(15).until(d -> {
            for (WebElement c : d.findElements(By.cssSelector("[id^='course-exam-card-']"))) {
                if (examTitle.equals(normalise(c.findElement(By.cssSelector("h3")).getText()))) {
                    return Long.parseLong(c.getAttribute("id").substring("course-exam-card-".length()));
                }
            }
            return null;
        });
    }

    /**
     * Starts an exam from its page and waits for the attempt screen.
     *
     * @return the attempt id
     */
    long startExam(long examId) {
        get("/training/exam/" + examId);
        wait(20).until(d -> displayedOrNull(By.id("exam-view")) != null);
        click("exam-start");
        wait(10).until(d -> displayedOrNull(By.id("exam-start-confirm-button"))).click();
        wait(20).until(d -> displayedOrNull(By.id("attempt-view")) != null);
        wait(10).until(d -> text("exam-timer").matches("(\\d+:)?\\d\\d:\\d\\d"));
        String path = path();
        assertTrue(path.startsWith("/training/attempt/"), path);
        return Long.parseLong(path.substring("/training/attempt/".length()));
    }

    /** How many questions the attempt on screen has. */
    int questionCount() {
        return driver.findElements(By.cssSelector("#exam-navigator vaadin-button[id^='exam-nav-']")).size();
    }

    void goTo(int n) {
        click("exam-nav-" + n);
        wait(10).until(d -> text("exam-question-number").startsWith("Câu " + n + "/"));
    }

    /** The navigator's state of question n ({@code answered}, {@code answered flagged}, ...). */
    String navState(int n) {
        return String.valueOf(driver.findElement(By.id("exam-nav-" + n)).getAttribute("data-state"));
    }

    /**
     * Answers the question on screen with its full-mark answer from {@code bank} and waits for
     * the server's acknowledgement ("Đã lưu lúc …") and the navigator's "answered".
     *
     * @return what the input shows afterwards, to compare later
     */
    String answerCorrectly(int n, List<ImportedQuestion> bank) {
        Question question = questionOnScreen(bank);
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
        wait(10).until(d -> navState(n).startsWith("answered"));
        return shownAnswer();
    }

    /** The bank question on screen, found by its text as rendered. */
    Question questionOnScreen(List<ImportedQuestion> bank) {
        String shown = normalise(text("exam-text"));
        for (ImportedQuestion candidate : bank) {
            if (asShown(candidate.question().prompt().text(), candidate.question()).equals(shown)) {
                return candidate.question();
            }
        }
        throw new AssertionError("question not in the bank: " + shown);
    }

    /** What the answer inputs of the question on screen show, as text. */
    String shownAnswer() {
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

    /**
     * Fills the exam editor (training/manage/exams → new) and saves.
     *
     * @param title the exam's title
     * @param courseTitle the course it belongs to
     * @param minutes the time limit
     * @param graceSeconds the grace after the deadline
     * @param attempts attempts per learner
     * @param passMark the pass mark in percent
     * @param category the category to draw from
     * @param count how many questions to draw
     */
    void createExam(String title, String courseTitle, int minutes, int graceSeconds, int attempts, int passMark,
            String category, int count) {
        get("/training/manage/exams");
        wait(20).until(d -> displayedOrNull(By.id("exams-admin-view")) != null);
        click("exams-new");
        wait(10).until(d -> displayedOrNull(By.id("exam-title-field")) != null);
        type("exam-title-field", title);
        chooseInCombo("exam-course-field", courseTitle, courseTitle);
        typeAndTab("exam-time-limit", String.valueOf(minutes));
        typeAndTab("exam-attempts", String.valueOf(attempts));
        typeAndTab("exam-pass-mark", String.valueOf(passMark));
        typeAndTab("exam-grace", String.valueOf(graceSeconds));
        // The editor proposes the next full hour as the opening; open it since yesterday instead.
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1) + "T00:00";
        js().executeScript("const p = document.getElementById('exam-opens'); p.value = arguments[0];"
                + "p.dispatchEvent(new CustomEvent('change', {bubbles: true}));", yesterday);
        chooseInCombo("exam-rule-category-1", category, category + " (");
        typeAndTab("exam-rule-count-1", String.valueOf(count));
        click("exam-save");
        // The grid lists the exam only once the service took it; a refusal leaves the dialog open.
        wait(20).until(d -> gridTexts("exams-grid").contains(title));
    }

    // --- elements --------------------------------------------------------------------------

    void get(String path) {
        driver.get(base + path);
    }

    /** Clicks an element in the middle of the viewport, clear of notices at the edges. */
    void click(String id) {
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

    void type(String id, String text) {
        WebElement input = wait(10).until(d -> displayedOrNull(By.cssSelector("#" + id + " input, #" + id + " textarea")));
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

    /** Uploads a file into a vaadin-upload (its native input is in the shadow DOM). */
    void upload(String id, Path file) {
        WebElement upload = wait(20).until(d -> displayedOrNull(By.id(id)));
        WebElement input;
        try {
            input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.NoSuchShadowRootException e) {
            input = upload.findElement(By.cssSelector("input[type=file]"));
        }
        input.sendKeys(file.toAbsolutePath().toString());
    }

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

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
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

    // --- texts -----------------------------------------------------------------------------

    static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    /** A text of the bank as the page shows it: rendered in its format, then read as plain text. */
    static String asShown(String text, Question question) {
        return normalise(org.jsoup.Jsoup.parse(MARKDOWN.render(text, question.prompt().format())).text());
    }

    /** Reads a GIFT file from the test class path with the plugin's own parser. */
    static List<ImportedQuestion> giftBank(String resource) throws IOException {
        try (InputStream in = TrainingBrowser.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " is not on the test class path");
            }
            ImportResult read = new GiftParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(read.succeeded(), resource + " does not parse: " + read.errors());
            return read.questions();
        }
    }

    /** The certificate code printed in a result summary ("Mã chứng chỉ: …"). */
    static String certificateCode(String summary) {
        Matcher code = Pattern.compile("Mã chứng chỉ: ([A-Z0-9-]+)").matcher(summary);
        assertTrue(code.find(), "no certificate code in: " + summary);
        return code.group(1);
    }

    /** Prints Karaf's ERROR lines, to explain a failure. */
    static void reportErrorsLogged(Path karafHome, String test) {
        Path log = karafHome.resolve("data/log/karaf.log");
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> errors = lines.filter(l -> l.contains("| ERROR |")).collect(Collectors.toList());
            if (!errors.isEmpty()) {
                System.out.println("[" + test + "] " + errors.size() + " ERROR line(s) in " + log + ":\n"
                        + String.join("\n", errors));
            }
        } catch (IOException e) {
            System.out.println("[" + test + "] no Karaf log: " + e);
        }
    }
}
