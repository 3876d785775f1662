package vn.congso.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
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
 * A {@link Browser} with the training plugin's steps: open a course, create and start an exam,
 * answer its questions correctly from a known bank (a GIFT file read with the plugin's own
 * parser) and read back what the answer inputs show.
 */
final class TrainingBrowser extends Browser {

    private static final SafeMarkdown MARKDOWN = new SafeMarkdown();

    private final List<ImportedQuestion> bank;

    /**
     * Starts a browser with its own profile; see {@link Browser#Browser(String, String)}.
     *
     * @param bankResource the GIFT file on the test class path the exams draw from
     */
    TrainingBrowser(String base, String name, String bankResource) throws IOException {
        super(base, name);
        bank = giftBank(bankResource);
    }

    /** Opens the catalogue and returns the card of the published course with this title. */
    WebElement courseCard(String title) {
        get("/training");
        wait(20).until(d -> displayedOrNull(By.id("catalogue-view")) != null);
        return wait(15).until(d -> {
            for (WebElement c : d.findElements(By.cssSelector("#catalogue-all [id^='course-card-']"))) {
                if (title.equals(c.getAttribute("data-title"))) {
                    return c;
                }
            }
            return null;
        });
    }

    /**
     * Opens the page of the published course with this title, found in the catalogue; enrols in
     * nothing.
     *
     * @return the course id
     */
    long openCourse(String title) {
        long courseId = Long.parseLong(courseCard(title).getAttribute("id").substring("course-card-".length()));
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
     * Opens an exam's page and starts it; see {@link #startExamOnScreen()}.
     *
     * @return the attempt id
     */
    long startExam(long examId) {
        get("/training/exam/" + examId);
        wait(20).until(d -> displayedOrNull(By.id("exam-view")) != null);
        return startExamOnScreen();
    }

    /**
     * Starts the exam whose page is on screen, confirms, and waits for the attempt screen and its
     * running timer.
     *
     * @return the attempt id
     */
    long startExamOnScreen() {
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
        return driver().findElements(By.cssSelector("#exam-navigator vaadin-button[id^='exam-nav-']")).size();
    }

    /** Shows question n of the attempt on screen. */
    void goTo(int n) {
        click("exam-nav-" + n);
        wait(10).until(d -> text("exam-question-number").startsWith("Câu " + n + "/"));
    }

    /**
     * How the navigator's button of the question on screen looks, from the training plugin's own
     * stylesheet (served by the platform): "grid 3px" when it is loaded.
     */
    String navLook() {
        return String.valueOf(js().executeScript("const b = document.querySelector('#exam-navigator [aria-current=step]');"
                + "return b && getComputedStyle(b.parentElement).display + ' ' + getComputedStyle(b).outlineWidth;"));
    }

    /** The navigator's state of question n ({@code answered}, {@code answered flagged}, ...). */
    String navState(int n) {
        return String.valueOf(driver().findElement(By.id("exam-nav-" + n)).getAttribute("data-state"));
    }

    /**
     * Answers question n, on screen, with its full-mark answer from the bank and waits for
     * the server's acknowledgement ("Đã lưu lúc …") and the navigator's "answered".
     *
     * @return what the input shows afterwards, to compare later
     */
    String answerCorrectly(int n) {
        Question question = questionOnScreen();
        if (question instanceof ChoiceQuestion choice) {
            List<String> right = choice.choices().stream().filter(c -> c.fraction() > 0)
                    .map(c -> asShown(c.text(), choice)).toList();
            String tag = choice.single() ? "vaadin-radio-button" : "vaadin-checkbox";
            for (WebElement option : driver().findElements(By.cssSelector("#exam-answer " + tag))) {
                if (right.contains(normalise(option.getText()))) {
                    option.findElement(By.cssSelector("input")).click();
                    if (choice.single()) {
                        break;
                    }
                }
            }
        } else if (question instanceof TrueFalseQuestion truth) {
            String label = truth.correctAnswer() ? "Đúng" : "Sai";
            for (WebElement option : driver().findElements(By.cssSelector("#exam-answer vaadin-radio-button"))) {
                if (label.equals(option.getText().trim())) {
                    option.findElement(By.cssSelector("input")).click();
                }
            }
        } else if (question instanceof ShortAnswerQuestion shortAnswer) {
            String right = shortAnswer.answers().stream().filter(a -> a.fraction() >= 1).map(TextAnswer::text)
                    .findFirst().orElseThrow();
            type("exam-answer", right);
            driver().findElement(By.cssSelector("#exam-answer input")).sendKeys(Keys.TAB);
        } else if (question instanceof NumericalQuestion numerical) {
            // typed as a Vietnamese page writes it: 99,37 with the decimal comma (issue 14, point 1)
            double value = numerical.answers().stream().filter(a -> a.fraction() >= 1).findFirst().orElseThrow().value();
            String typed = value == Math.rint(value) ? String.valueOf((long) value)
                    : String.valueOf(value).replace('.', ',');
            type("exam-answer", typed);
            driver().findElement(By.cssSelector("#exam-answer input")).sendKeys(Keys.TAB);
            wait(15).until(d -> "saved".equals(d.findElement(By.id("exam-save-status")).getAttribute("data-state")));
            assertEquals(typed, shownAnswer(), "the saved number is shown back as typed");
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

    /**
     * Types a number that cannot be read without guessing into the numerical question on screen:
     * the field says why, and nothing is saved.
     *
     * @param text what to type, for example {@code 1.234}
     * @return the message on the field
     */
    String typeUnreadableNumber(String text) {
        String before = String.valueOf(driver().findElement(By.id("exam-save-status")).getText());
        type("exam-answer", text);
        driver().findElement(By.cssSelector("#exam-answer input")).sendKeys(Keys.TAB);
        wait(10).until(d -> Boolean.TRUE.equals(js().executeScript(
                "return document.getElementById('exam-answer').hasAttribute('invalid');")));
        String message = String.valueOf(js().executeScript("return document.getElementById('exam-answer').errorMessage;"));
        assertEquals(before, String.valueOf(driver().findElement(By.id("exam-save-status")).getText()),
                "an unreadable number was saved");
        return message;
    }

    /** The bank question on screen, found by its text as rendered. */
    Question questionOnScreen() {
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

    // --- texts -----------------------------------------------------------------------------

    /** A text of the bank as the page shows it: rendered in its format, then read as plain text. */
    private static String asShown(String text, Question question) {
        return normalise(org.jsoup.Jsoup.parse(MARKDOWN.render(text, question.prompt().format())).text());
    }

    /** Reads a GIFT file from the test class path with the plugin's own parser. */
    private static List<ImportedQuestion> giftBank(String resource) throws IOException {
        try (InputStream in = TrainingBrowser.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " is not on the test class path");
            }
            ImportResult read = new GiftParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(read.succeeded(), resource + " does not parse: " + read.errors());
            return read.questions();
        }
    }

    /** The certificate code printed in a result summary ("Mã giấy chứng nhận: …"). */
    static String certificateCode(String summary) {
        Matcher code = Pattern.compile("Mã giấy chứng nhận: ([A-Z0-9-]+)").matcher(summary);
        assertTrue(code.find(), "no certificate code in: " + summary);
        return code.group(1);
    }
}
