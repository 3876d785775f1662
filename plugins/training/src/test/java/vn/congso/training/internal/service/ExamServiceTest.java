package vn.congso.training.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exam.AttemptState;
import vn.congso.training.internal.exam.DrawRule;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.exam.GradingMethod;
import vn.congso.training.internal.question.Response;
import vn.congso.training.internal.question.TrueFalseQuestion;
import vn.congso.training.internal.service.ExamService.AttemptQuestion;
import vn.congso.training.internal.service.ExamService.AttemptResult;
import vn.congso.training.internal.service.ExamService.AttemptSession;
import vn.congso.training.internal.service.ExamService.ExamDraft;

/** Exams and attempts on a real database: deadlines, resumption, single grading, the sweeper. */
class ExamServiceTest {

    private static final String CATEGORY = "Kiểm tra/Đúng sai";
    private static final Duration LIMIT = Duration.ofMinutes(20);
    private static final Duration GRACE = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private TrainingFixture f;
    private long examId;

    @BeforeEach
    void setUp() throws Exception {
        f = new TrainingFixture(folder);
        f.become("trainer", TrainingFixture.TRAINER);
        StringBuilder gift = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            gift.append("::Câu ").append(i).append("::Mệnh đề số ").append(i).append(" là đúng. {T}\n\n");
        }
        f.importGift(gift.toString(), CATEGORY);
        examId = f.exams.create(draft(settings(LIMIT), 4));
        f.become("an.nguyen", TrainingFixture.LEARNER);
    }

    @AfterEach
    void tearDown() {
        f.users.clear();
    }

    private ExamSettings settings(Duration limit) {
        Instant now = f.clock.instant();
        return new ExamSettings(limit, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)), 2, 75,
                GradingMethod.HIGHEST, GRACE);
    }

    private static ExamDraft draft(ExamSettings settings, int count) {
        return new ExamDraft("Kiểm tra cuối khóa", "", null, settings, List.of(new DrawRule(CATEGORY, count)),
                ExamService.ReviewOptions.FULL, 0);
    }

    private static List<String> keys(TrainingException e) {
        return e.problems().stream().map(Problem::key).toList();
    }

    @Test
    void reopeningResumesTheSameAttemptWithEveryAcknowledgedAnswer() {
        AttemptSession first = f.exams.startOrResume(examId);
        assertEquals(4, first.questions().size());
        AttemptQuestion q = first.questions().get(2);
        ExamService.SaveAck ack = f.exams.saveAnswer(first.attemptId(), q.questionId(), new Response.Truth(false));
        assertEquals(1, ack.version());
        assertEquals(f.clock.instant(), ack.savedAt());
        f.exams.saveAnswer(first.attemptId(), q.questionId(), new Response.Truth(true));

        f.clock.advance(Duration.ofMinutes(3));
        AttemptSession again = f.exams.startOrResume(examId);

        assertEquals(first.attemptId(), again.attemptId());
        assertEquals(first.questions().stream().map(AttemptQuestion::questionId).toList(),
                again.questions().stream().map(AttemptQuestion::questionId).toList());
        assertEquals(new Response.Truth(true), again.questions().get(2).response());
        assertEquals(2, again.questions().get(2).version());
        assertEquals(first.deadline(), again.deadline());
        assertEquals(LIMIT.minusMinutes(3), again.remaining());
    }

    @Test
    void answersAfterTheDeadlinePlusGraceAreRefused() {
        AttemptSession attempt = f.exams.startOrResume(examId);
        long question = attempt.questions().get(0).questionId();
        f.clock.advance(LIMIT.plusSeconds(10));
        // Inside the grace period a late save (network delay) is still taken.
        f.exams.saveAnswer(attempt.attemptId(), question, new Response.Truth(true));
        f.clock.advance(GRACE);
        TrainingException late = assertThrows(TrainingException.class,
                () -> f.exams.saveAnswer(attempt.attemptId(), question, new Response.Truth(false)));
        assertEquals(List.of("training.attempt.time-over"), keys(late));
        TrainingException submit = assertThrows(TrainingException.class, () -> f.exams.submit(attempt.attemptId()));
        assertEquals(List.of("training.attempt.time-over"), keys(submit));
    }

    @Test
    void extraTimeMovesTheDeadline() throws Exception {
        f.as("trainer", TrainingFixture.TRAINER, () -> {
            f.exams.setExtraTime(examId, "an.nguyen", Duration.ofMinutes(10));
            return null;
        });
        AttemptSession attempt = f.exams.startOrResume(examId);
        assertEquals(f.clock.instant().plus(LIMIT).plusSeconds(600), attempt.deadline());
        f.clock.advance(LIMIT.plus(GRACE).plusMinutes(1));
        f.exams.saveAnswer(attempt.attemptId(), attempt.questions().get(0).questionId(), new Response.Truth(true));
    }

    @Test
    void someoneElsesAttemptIsRefused() throws Exception {
        AttemptSession mine = f.exams.startOrResume(examId);
        long question = mine.questions().get(0).questionId();
        f.become("binh.tran", TrainingFixture.LEARNER);
        TrainingException save = assertThrows(TrainingException.class,
                () -> f.exams.saveAnswer(mine.attemptId(), question, new Response.Truth(true)));
        assertEquals(List.of("training.attempt.not-yours"), keys(save));
        TrainingException submit = assertThrows(TrainingException.class, () -> f.exams.submit(mine.attemptId()));
        assertEquals(List.of("training.attempt.not-yours"), keys(submit));
        assertThrows(TrainingException.class, () -> f.exams.result(mine.attemptId()));
        assertEquals(List.of("training.attempt.not-yours"),
                keys(assertThrows(TrainingException.class, () -> f.exams.state(mine.attemptId()))));
        assertEquals(2, f.audit.count("training.attempt.save", Outcome.DENIED)
                + f.audit.count("training.attempt.submit", Outcome.DENIED));
        f.become("an.nguyen", TrainingFixture.LEARNER);
        AttemptSession still = f.exams.startOrResume(examId);
        assertNull(still.questions().get(0).response(), "the other learner's save changed nothing");
    }

    @Test
    void aClosedAttemptTakesNoAnswerAndAWrongResponseIsRefused() {
        AttemptSession attempt = f.exams.startOrResume(examId);
        long question = attempt.questions().get(0).questionId();
        TrainingException wrong = assertThrows(TrainingException.class,
                () -> f.exams.saveAnswer(attempt.attemptId(), question, new Response.Text("đúng")));
        assertEquals(List.of("training.attempt.wrong-response"), keys(wrong));
        TrainingException foreign = assertThrows(TrainingException.class,
                () -> f.exams.saveAnswer(attempt.attemptId(), 999_999, new Response.Truth(true)));
        assertEquals(List.of("training.attempt.question-not-in-attempt"), keys(foreign));
        f.exams.submit(attempt.attemptId());
        TrainingException closed = assertThrows(TrainingException.class,
                () -> f.exams.saveAnswer(attempt.attemptId(), question, new Response.Truth(true)));
        assertEquals(List.of("training.attempt.already-submitted"), keys(closed));
        TrainingException twice = assertThrows(TrainingException.class, () -> f.exams.submit(attempt.attemptId()));
        assertEquals(List.of("training.attempt.already-submitted"), keys(twice));
    }

    @Test
    void twoConcurrentSubmissionsGradeOnce() throws Exception {
        for (int round = 0; round < 2; round++) {
            AttemptSession attempt = f.exams.startOrResume(examId);
            for (AttemptQuestion q : attempt.questions()) {
                f.exams.saveAnswer(attempt.attemptId(), q.questionId(), new Response.Truth(true));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(pool.submit(() -> {
                    f.become("an.nguyen", TrainingFixture.LEARNER);
                    go.await();
                    try {
                        f.exams.submit(attempt.attemptId());
                        return "graded";
                    } catch (TrainingException e) {
                        return e.problems().get(0).key();
                    }
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertEquals(1, results.stream().filter("graded"::equals).count(), results.toString());
            assertTrue(results.contains("training.attempt.already-submitted"), results.toString());
        }
        assertEquals(2, f.audit.count("training.attempt.submit", Outcome.SUCCESS));
        // The first pass issued one certificate; the second pass found it valid and issued none.
        assertEquals(1, f.count("trn_certificate"));
    }

    @Test
    void theSweeperSubmitsAnAbandonedAttemptWithItsSavedAnswers() throws Exception {
        AttemptSession attempt = f.exams.startOrResume(examId);
        List<AttemptQuestion> questions = attempt.questions();
        for (int i = 0; i < 3; i++) {
            f.exams.saveAnswer(attempt.attemptId(), questions.get(i).questionId(), new Response.Truth(true));
        }
        // The browser is gone. Not yet overdue: nothing happens.
        f.clock.advance(LIMIT);
        assertEquals(0, f.as("system:training-sweeper", java.util.Set.of("*"), f.exams::submitOverdue));
        f.clock.advance(GRACE);
        assertEquals(1, f.as("system:training-sweeper", java.util.Set.of("*"), f.exams::submitOverdue));
        assertEquals(0, f.as("system:training-sweeper", java.util.Set.of("*"), f.exams::submitOverdue));

        AttemptResult result = f.exams.result(attempt.attemptId());
        assertEquals(AttemptState.AUTO_SUBMITTED, result.state());
        assertEquals(AttemptState.AUTO_SUBMITTED, f.exams.state(attempt.attemptId()), "what the open screen checks");
        assertEquals(75.0, result.percentage(), 1e-9);
        assertTrue(result.passed());
        assertNotNull(result.certificateCode());
        assertEquals(1, f.audit.count("training.attempt.auto-submit", Outcome.SUCCESS));
    }

    @Test
    void reopeningAnOverdueAttemptSubmitsItInsteadOfStartingAnother() {
        AttemptSession attempt = f.exams.startOrResume(examId);
        f.clock.advance(LIMIT.plus(GRACE).plusHours(2));
        AttemptSession reopened = f.exams.startOrResume(examId);
        assertEquals(attempt.attemptId(), reopened.attemptId());
        assertEquals(AttemptState.AUTO_SUBMITTED, reopened.state());
        assertEquals(attempt.deadline(), f.exams.result(attempt.attemptId()).submittedAt());
        assertEquals(1, f.exams.overview(examId).attemptsUsed());
    }

    @Test
    void attemptsAreLimitedAndTheGradingMethodPicksTheCountingResult() {
        AttemptSession first = f.exams.startOrResume(examId);
        for (AttemptQuestion q : first.questions()) {
            f.exams.saveAnswer(first.attemptId(), q.questionId(), new Response.Truth(true));
        }
        assertEquals(100.0, f.exams.submit(first.attemptId()).percentage(), 1e-9);
        AttemptSession second = f.exams.startOrResume(examId);
        assertFalse(second.attemptId() == first.attemptId());
        assertEquals(0.0, f.exams.submit(second.attemptId()).percentage(), 1e-9);
        ExamService.ExamOverview overview = f.exams.overview(examId);
        assertEquals(100.0, overview.finalPercentage().orElseThrow(), 1e-9);
        assertTrue(overview.passed());
        assertEquals(0, overview.attemptsLeft());
        TrainingException none = assertThrows(TrainingException.class, () -> f.exams.startOrResume(examId));
        assertEquals(List.of("training.attempt.no-attempts-left"), keys(none));
    }

    @Test
    void reviewShowsFeedbackAndCorrectAnswersWhenAllowed() {
        AttemptSession attempt = f.exams.startOrResume(examId);
        f.exams.saveAnswer(attempt.attemptId(), attempt.questions().get(0).questionId(), new Response.Truth(false));
        AttemptResult result = f.exams.submit(attempt.attemptId());
        assertTrue(result.reviewOpen());
        assertEquals(4, result.questions().size());
        assertEquals(new Response.Truth(false), result.questions().get(0).response());
        assertEquals(0.0, result.questions().get(0).mark(), 1e-9);
        assertTrue(result.questions().get(0).question() instanceof TrueFalseQuestion);
    }

    @Test
    void badExamSettingsAreRefusedWithTheirMessagesAndNothingIsStored() throws Exception {
        long before = f.count("trn_exam");
        f.become("trainer", TrainingFixture.TRAINER);
        Instant now = f.clock.instant();
        ExamSettings zero = new ExamSettings(Duration.ZERO, now, now.plusSeconds(3600), 1, 50, GradingMethod.LAST,
                Duration.ZERO);
        assertEquals(List.of("training.exam.time-limit-positive"),
                keys(assertThrows(TrainingException.class, () -> f.exams.create(draft(zero, 1)))));
        ExamSettings backwards = new ExamSettings(LIMIT, now, now.minusSeconds(1), 1, 50, GradingMethod.LAST,
                Duration.ZERO);
        assertEquals(List.of("training.exam.closes-before-opens"),
                keys(assertThrows(TrainingException.class, () -> f.exams.create(draft(backwards, 1)))));
        TrainingException tooMany = assertThrows(TrainingException.class,
                () -> f.exams.create(draft(settings(LIMIT), 7)));
        assertEquals(Problem.of("training.draw.not-enough", CATEGORY, 7, 6), tooMany.problems().get(0));
        assertEquals(before, f.count("trn_exam"));
        assertEquals(before, f.count("trn_exam_draw"));
    }

    @Test
    void learnersCannotManageExamsAndAnonymousVisitorsCannotSitThem() {
        assertThrows(AccessDeniedException.class, () -> f.exams.create(draft(settings(LIMIT), 1)));
        assertEquals(1, f.audit.count("training.exam.create", Outcome.DENIED));
        f.users.clear();
        assertThrows(AccessDeniedException.class, () -> f.exams.startOrResume(examId));
    }

    @Test
    void aCourseExamNeedsEnrolment() throws Exception {
        long course = f.as("trainer", TrainingFixture.TRAINER, () -> {
            long id = f.courses.create(new CourseService.CourseDraft("Khóa học", "", "it-basics", 30));
            f.courses.addLesson(id, new CourseService.LessonDraft("Bài 1", "Nội dung", ""));
            f.courses.setPublished(id, true);
            f.exams.update(examId, new ExamDraft("Kiểm tra", "", id, settings(LIMIT),
                    List.of(new DrawRule(CATEGORY, 2)), ExamService.ReviewOptions.FULL, 0));
            return id;
        });
        TrainingException refused = assertThrows(TrainingException.class, () -> f.exams.startOrResume(examId));
        assertEquals(List.of("training.enrol.not-enrolled"), keys(refused));
        f.courses.enrolSelf(course);
        assertEquals(2, f.exams.startOrResume(examId).questions().size());
    }
}
