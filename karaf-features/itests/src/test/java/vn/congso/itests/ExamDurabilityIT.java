package vn.congso.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Durability of exam attempts across a hard kill, against the assembled distribution started
 * with {@code bin/karaf run} on ports of its own (http 19181, ssh 19101, rmi 11199/44475).
 *
 * <ol>
 * <li>The administrator creates a one-minute exam (grace 0 s, two questions) in the demo course.</li>
 * <li>A demo learner starts the demo exam in headless Chromium and answers five questions, each
 * acknowledged by the server ({@code exam-save-status} {@code data-state=saved}).</li>
 * <li>Another demo learner starts the one-minute exam and answers one question.</li>
 * <li>The Karaf JVM (the pid in {@code karaf.pid}, not the {@code bin/karaf} script) is killed
 * with SIGKILL; the test waits, with no server running, until the short attempt's deadline has
 * passed, then starts the same Karaf home again.</li>
 * <li>The first learner reopens the attempt: every acknowledged answer is shown and marked
 * answered in the navigator, the others are not.</li>
 * <li>Without any browser having opened it since, the short attempt is auto-submitted and graded
 * (its acknowledged answer counts): the learner's exam page lists it as submitted automatically,
 * the attempt screen leads to the result, and the audit log names the sweeper
 * ({@code system:training-sweeper}) as the one who submitted it, not the learner.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExamDurabilityIT {

    static final String DEMO_COURSE = "Kỹ năng công nghệ thông tin cơ bản";
    static final String DEMO_EXAM = "Bài thi cuối khóa " + DEMO_COURSE.toLowerCase(java.util.Locale.ROOT);
    static final String SHORT_EXAM = "Kiểm tra nhanh một phút";
    static final String SHORT_CATEGORY = "Kỹ năng CNTT cơ bản/Máy tính cơ bản";
    static final String ADMIN_PASSWORD = "Tran De 2026 quản trị";
    static final String LEARNER = "tranthilan.taivan";
    static final String LEARNER_PASSWORD = "Trần Thị Lan học 2026";
    static final String LATE_LEARNER = "lyvanhung.taivan";
    static final String LATE_LEARNER_PASSWORD = "Lý Văn Hùng học 2026";
    static final int ANSWERED = 5;

    @RegisterExtension
    static final KarafWithBrowsers KARAF = new KarafWithBrowsers("durability",
            new CongSoContainer.Ports(19181, 19101, 11199, 44475), 120_000);

    private static TrainingBrowser browser;
    private static Map<String, String> oneTimePasswords;
    private static long shortExamId;
    private static long attemptId;
    private static final Map<Integer, String> acknowledged = new LinkedHashMap<>();
    private static long lateAttemptId;
    private static Instant lateAttemptOverdueBy;
    private static long killedPid;

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = KARAF.trainingBrowser("ExamDurabilityIT", "/demo/it-basics.gift");
    }

    @Test
    @Order(1)
    void theAdministratorCreatesAOneMinuteExam() throws Exception {
        browser.firstAdminSignIn(KARAF.home(), ADMIN_PASSWORD);
        // Grace 0 s: the attempt is overdue exactly one minute after it starts.
        browser.createExam(SHORT_EXAM, DEMO_COURSE, 1, 0, 1, 100, SHORT_CATEGORY, 2);
        browser.signOut();
        oneTimePasswords = Browser.demoOneTimePasswords(KARAF.home());
    }

    @Test
    @Order(2)
    void aLearnerAnswersFiveQuestionsEachAcknowledged() {
        browser.firstSignIn(LEARNER, oneTimePasswords.get(LEARNER), LEARNER_PASSWORD);
        browser.openCourse(DEMO_COURSE);
        long examId = browser.examIdOnCoursePage(DEMO_EXAM);
        attemptId = browser.startExam(examId);
        assertTrue(browser.questionCount() > ANSWERED, "the demo exam has " + browser.questionCount() + " questions");
        for (int n = 1; n <= ANSWERED; n++) {
            browser.goTo(n);
            acknowledged.put(n, browser.answerCorrectly(n));
            assertFalse(acknowledged.get(n).isEmpty(), "question " + n + " shows no answer after saving");
        }
        browser.signOut();
    }

    @Test
    @Order(3)
    void anotherLearnerStartsTheOneMinuteExam() {
        browser.firstSignIn(LATE_LEARNER, oneTimePasswords.get(LATE_LEARNER), LATE_LEARNER_PASSWORD);
        browser.openCourse(DEMO_COURSE);
        shortExamId = browser.examIdOnCoursePage(SHORT_EXAM);
        lateAttemptId = browser.startExam(shortExamId);
        // The server started the attempt before the screen showed it: overdue (1 min + 0 s grace) by then.
        lateAttemptOverdueBy = Instant.now().plus(Duration.ofMinutes(1));
        assertEquals(2, browser.questionCount());
        browser.goTo(1);
        browser.answerCorrectly(1);
        // Nobody touches this attempt again until the learner looks at the result after the restart.
        browser.get("/login");
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("login-view")) != null);
        assertTrue(Instant.now().isBefore(lateAttemptOverdueBy.minusSeconds(10)),
                "the one-minute attempt is nearly over before the kill; the machine is too slow for this test");
    }

    @Test
    @Order(4)
    void karafIsKilledAndRestartsAfterTheDeadlinePassed() throws Exception {
        killedPid = KARAF.kill();
        assertTrue(ProcessHandle.of(killedPid).isEmpty() || !ProcessHandle.of(killedPid).get().isAlive());
        // The honest wait: the short attempt runs out while no server is running.
        Duration left = Duration.between(Instant.now(), lateAttemptOverdueBy.plusSeconds(2));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
        KARAF.launchAgain();
        long newPid = Long.parseLong(Files.readString(KARAF.home().resolve("karaf.pid")).trim());
        assertNotEquals(killedPid, newPid, "karaf.pid still names the killed JVM");
    }

    @Test
    @Order(5)
    void everyAcknowledgedAnswerIsThereAfterTheRestart() {
        // After a crash Karaf starts the bundles again by start level after its boot features are
        // known installed: for a while the shell may answer before training's screens (or the
        // session) are back. The learner signs in and reloads until the attempt is there.
        browser.signIn(LEARNER, LEARNER_PASSWORD);
        int[] rounds = {0};
        browser.wait(180).pollingEvery(java.time.Duration.ofSeconds(5)).until(d -> {
            rounds[0]++;
            browser.get("/training/attempt/" + attemptId);
            try {
                browser.wait(15).until(x -> browser.displayedOrNull(By.id("attempt-view")) != null
                        || browser.displayedOrNull(By.id("login-view")) != null);
            } catch (org.openqa.selenium.TimeoutException notYet) {
                return false;
            }
            if (browser.displayedOrNull(By.id("login-view")) != null) {
                try {
                    browser.signIn(LEARNER, LEARNER_PASSWORD);
                } catch (org.openqa.selenium.TimeoutException stillStarting) {
                    // the next round tries again
                }
                return false;
            }
            return true;
        });
        System.out.println("[ExamDurabilityIT] attempt page back after the restart in round " + rounds[0]);
        browser.wait(10).until(d -> browser.text("exam-timer").matches("(\\d+:)?\\d\\d:\\d\\d"));
        for (Map.Entry<Integer, String> entry : acknowledged.entrySet()) {
            int n = entry.getKey();
            assertTrue(browser.navState(n).startsWith("answered"),
                    "question " + n + " is not marked answered after the restart: " + browser.navState(n));
            browser.goTo(n);
            assertEquals(entry.getValue(), browser.shownAnswer(), "question " + n + " after the kill and restart");
            assertEquals("saved", browser.attribute("exam-save-status", "data-state"), "question " + n);
        }
        int unanswered = ANSWERED + 1;
        assertFalse(browser.navState(unanswered).startsWith("answered"),
                "question " + unanswered + " was never answered, yet shows as answered");
        browser.signOut();
    }

    @Test
    @Order(6)
    void theOverdueAttemptWasSubmittedByTheServerAtStart() {
        browser.signIn(LATE_LEARNER, LATE_LEARNER_PASSWORD);
        // The exam page only reads; it does not submit anything itself.
        browser.get("/training/exam/" + shortExamId);
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("exam-attempts")) != null);
        browser.wait(10).until(d -> browser.gridTexts("exam-attempts").contains("Tự động nộp khi hết giờ"));
        assertTrue(browser.present("exam-attempt-result-1"), "the attempt has no result link");
        assertFalse(browser.present("exam-attempt-resume-1"), "the attempt can still be resumed");

        // The attempt screen itself now leads to the result the server graded.
        browser.get("/training/attempt/" + lateAttemptId);
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("result-view")) != null);
        assertEquals("/training/result/" + lateAttemptId, browser.path());
        assertEquals("Bài làm được hệ thống tự động nộp khi hết giờ.", browser.text("result-auto-submitted"));
        assertEquals("false", browser.attribute("result-outcome", "data-passed"));
        // One of two questions answered (correctly) and acknowledged before the kill: it counts.
        assertTrue(browser.text("result-score").matches("Điểm: 50\\s?%"), browser.text("result-score"));
        browser.signOut();

        browser.signIn("admin", ADMIN_PASSWORD);
        browser.get("/admin/audit");
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("audit-view")) != null);
        browser.typeAndTab("audit-actor", "system:training-sweeper");
        browser.typeAndTab("audit-action", "training.attempt.auto-submit");
        browser.click("audit-search");
        browser.wait(15).until(d -> browser.gridTexts("audit-grid").contains(String.valueOf(lateAttemptId)));
        browser.typeAndTab("audit-actor", LATE_LEARNER);
        browser.typeAndTab("audit-action", "training.attempt");
        browser.click("audit-search");
        // The audit log names actions in the reader's language.
        browser.wait(15).until(d -> browser.gridTexts("audit-grid").contains("Bắt đầu làm bài kiểm tra"));
        assertFalse(browser.gridTexts("audit-grid").contains("Hệ thống tự nộp bài khi hết giờ"),
                "the learner's own session submitted the attempt: " + browser.gridTexts("audit-grid"));
        KarafProcess.reportErrorsLogged(KARAF.home(), "ExamDurabilityIT");
    }
}
