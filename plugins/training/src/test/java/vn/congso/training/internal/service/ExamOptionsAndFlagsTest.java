package vn.congso.training.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exam.DrawRule;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.exam.GradingMethod;
import vn.congso.training.internal.service.ExamService.AttemptQuestion;
import vn.congso.training.internal.service.ExamService.AttemptSession;
import vn.congso.training.internal.service.ExamService.ExamDraft;

/** The exam's "shuffle options" switch and the learner's review flags, on a real database. */
class ExamOptionsAndFlagsTest {

    private static final String CATEGORY = "Tin học/Phím tắt";
    private static final Duration LIMIT = Duration.ofMinutes(15);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final List<Integer> AS_WRITTEN = List.of(0, 1, 2, 3, 4);

    @TempDir
    Path folder;

    private TrainingFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new TrainingFixture(folder);
        f.become("trainer", TrainingFixture.TRAINER);
        StringBuilder gift = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            gift.append("::Phím ").append(i).append("::Tổ hợp phím số ").append(i).append(" dùng để làm gì? {")
                    .append("=Sao chép ~Dán ~Cắt ~Hoàn tác ~In}\n\n");
        }
        f.importGift(gift.toString(), CATEGORY);
    }

    @AfterEach
    void tearDown() {
        f.users.clear();
    }

    private long exam(boolean shuffle) {
        Instant now = f.clock.instant();
        ExamSettings settings = new ExamSettings(LIMIT, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)),
                3, 50, GradingMethod.HIGHEST, GRACE, shuffle);
        return f.exams.create(new ExamDraft("Phím tắt", "", null, settings, List.of(new DrawRule(CATEGORY, 6)),
                ExamService.ReviewOptions.FULL, 0));
    }

    private static List<String> keys(TrainingException e) {
        return e.problems().stream().map(Problem::key).toList();
    }

    @Test
    void anExamThatDoesNotShuffleShowsOptionsAsWritten() throws Exception {
        long examId = exam(false);
        assertFalse(f.exams.get(examId).draft().settings().shuffleOptions(), "the switch is stored");
        f.become("an.nguyen", TrainingFixture.LEARNER);
        AttemptSession attempt = f.exams.startOrResume(examId);
        for (AttemptQuestion q : attempt.questions()) {
            assertEquals(AS_WRITTEN, q.optionOrder(), "question " + q.position());
        }
    }

    @Test
    void aShufflingExamKeepsItsOrderForTheAttemptEvenWhenTheTrainerTurnsItOff() throws Exception {
        long examId = exam(true);
        f.become("an.nguyen", TrainingFixture.LEARNER);
        AttemptSession attempt = f.exams.startOrResume(examId);
        List<List<Integer>> orders = attempt.questions().stream().map(AttemptQuestion::optionOrder).toList();
        // Six questions of five options each all in written order: 1 in 120^6.
        assertTrue(orders.stream().anyMatch(o -> !o.equals(AS_WRITTEN)), "options are shuffled: " + orders);

        f.as("trainer", TrainingFixture.TRAINER, () -> {
            ExamDraft d = f.exams.get(examId).draft();
            ExamSettings s = d.settings();
            f.exams.update(examId, new ExamDraft(d.title(), d.description(), d.courseId(),
                    new ExamSettings(s.timeLimit(), s.opensAt(), s.closesAt(), s.maxAttempts(), s.passMark(),
                            s.gradingMethod(), s.grace(), false), d.drawRules(), d.review(),
                    d.certificateValidityMonths()));
            return null;
        });
        AttemptSession resumed = f.exams.startOrResume(examId);
        assertEquals(orders, resumed.questions().stream().map(AttemptQuestion::optionOrder).toList(),
                "an attempt in progress is not reordered under the learner");
    }

    @Test
    void flagsAreKeptWithTheAttemptAndFollowTheLearner() {
        long examId = exam(true);
        f.become("an.nguyen", TrainingFixture.LEARNER);
        AttemptSession attempt = f.exams.startOrResume(examId);
        long second = attempt.questions().get(1).questionId();
        long fifth = attempt.questions().get(4).questionId();
        f.exams.flag(attempt.attemptId(), second, true);
        f.exams.flag(attempt.attemptId(), fifth, true);
        f.exams.flag(attempt.attemptId(), second, false);

        AttemptSession elsewhere = f.exams.startOrResume(examId);
        assertEquals(List.of(false, false, false, false, true, false),
                elsewhere.questions().stream().map(AttemptQuestion::flagged).toList());
    }

    @Test
    void flaggingIsRefusedOnSomeoneElsesAttemptAfterTheDeadlineAndForAForeignQuestion() {
        long examId = exam(true);
        f.become("an.nguyen", TrainingFixture.LEARNER);
        AttemptSession attempt = f.exams.startOrResume(examId);
        long question = attempt.questions().get(0).questionId();

        TrainingException foreign = assertThrows(TrainingException.class,
                () -> f.exams.flag(attempt.attemptId(), -1, true));
        assertEquals(List.of("training.attempt.question-not-in-attempt"), keys(foreign));

        f.become("binh.tran", TrainingFixture.LEARNER);
        TrainingException notYours = assertThrows(TrainingException.class,
                () -> f.exams.flag(attempt.attemptId(), question, true));
        assertEquals(List.of("training.attempt.not-yours"), keys(notYours));

        f.become("an.nguyen", TrainingFixture.LEARNER);
        f.clock.advance(LIMIT.plus(GRACE).plusSeconds(1));
        TrainingException late = assertThrows(TrainingException.class,
                () -> f.exams.flag(attempt.attemptId(), question, true));
        assertEquals(List.of("training.attempt.time-over"), keys(late));
    }
}
