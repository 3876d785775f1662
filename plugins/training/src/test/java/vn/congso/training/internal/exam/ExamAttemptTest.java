package vn.congso.training.internal.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TrainingException;

class ExamAttemptTest {

    private static final Instant OPENS = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-03-02T03:00:00Z");
    private static final ExamSettings SETTINGS = new ExamSettings(Duration.ofMinutes(45), OPENS, CLOSES, 2, 70,
            GradingMethod.HIGHEST, Duration.ofSeconds(30));

    private final MutableClock clock = new MutableClock(OPENS.plus(Duration.ofMinutes(10)));

    private static List<String> keys(TrainingException e) {
        return e.problems().stream().map(Problem::key).toList();
    }

    @Test
    void theDeadlineIsTheTimeLimitPlusExtraTimeButNeverAfterTheClose() {
        ExamAttempt attempt = ExamAttempt.start(SETTINGS, Duration.ofMinutes(15), 0, 42, clock);
        assertEquals(Instant.parse("2026-03-02T02:10:00Z"), attempt.timing().deadline());
        assertEquals(Duration.ofMinutes(60), attempt.timing().remaining(clock.instant()));

        clock.advance(Duration.ofMinutes(90));
        ExamAttempt late = ExamAttempt.start(SETTINGS, Duration.ZERO, 0, 42, clock);
        assertEquals(CLOSES, late.timing().deadline(), "started 20 minutes before the close");
        assertEquals(Duration.ofMinutes(20), late.timing().remaining(clock.instant()));
    }

    @Test
    void answersAreTakenUntilTheGracePeriodEnds() {
        ExamAttempt attempt = ExamAttempt.start(SETTINGS, Duration.ZERO, 0, 42, clock);
        Instant deadline = attempt.timing().deadline();
        assertTrue(attempt.timing().acceptsAnswerAt(deadline.plusSeconds(29)));
        assertFalse(attempt.timing().acceptsAnswerAt(deadline.plusSeconds(30)));
        assertFalse(attempt.isOverdue(deadline.plusSeconds(29)));
        assertTrue(attempt.isOverdue(deadline.plusSeconds(30)));
        assertEquals(Duration.ZERO, attempt.timing().remaining(deadline.plusSeconds(5)));

        clock.advance(Duration.ofMinutes(45).plusSeconds(29));
        attempt.checkAcceptsAnswer(clock);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("training.attempt.time-over"),
                keys(assertThrows(TrainingException.class, () -> attempt.checkAcceptsAnswer(clock))));
    }

    @Test
    void theLearnerSubmitsOnceAndNothingIsTakenAfterwards() {
        ExamAttempt attempt = ExamAttempt.start(SETTINGS, Duration.ZERO, 0, 42, clock);
        assertEquals(AttemptState.IN_PROGRESS, attempt.state());
        assertNull(attempt.submittedAt());
        clock.advance(Duration.ofMinutes(20));
        ExamAttempt submitted = attempt.submit(clock);
        assertEquals(AttemptState.SUBMITTED, submitted.state());
        assertEquals(clock.instant(), submitted.submittedAt());
        assertEquals(42, submitted.seed());

        assertEquals(List.of("training.attempt.already-submitted"),
                keys(assertThrows(TrainingException.class, () -> submitted.submit(clock))));
        assertEquals(List.of("training.attempt.already-submitted"),
                keys(assertThrows(TrainingException.class, () -> submitted.checkAcceptsAnswer(clock))));
        clock.advance(Duration.ofHours(1));
        assertFalse(submitted.isOverdue(clock.instant()), "the sweeper leaves submitted attempts alone");
        assertEquals(List.of("training.attempt.already-submitted"),
                keys(assertThrows(TrainingException.class, () -> submitted.autoSubmit(clock))));
    }

    @Test
    void theSweeperSubmitsOnlyOverdueAttempts() {
        ExamAttempt attempt = ExamAttempt.start(SETTINGS, Duration.ZERO, 0, 42, clock);
        clock.advance(Duration.ofMinutes(45));
        assertEquals(List.of("training.attempt.not-overdue"),
                keys(assertThrows(TrainingException.class, () -> attempt.autoSubmit(clock))));
        clock.advance(Duration.ofSeconds(30));
        ExamAttempt swept = attempt.autoSubmit(clock);
        assertEquals(AttemptState.AUTO_SUBMITTED, swept.state());
        assertEquals(attempt.timing().deadline(), swept.submittedAt());
        clock.advance(Duration.ofHours(3)); // the server was down meanwhile
        assertEquals(attempt.timing().deadline(), attempt.autoSubmit(clock).submittedAt(),
                "submitted when the time ended, not when the server came back");
        assertEquals(List.of("training.attempt.time-over"),
                keys(assertThrows(TrainingException.class, () -> attempt.submit(clock))),
                "a learner cannot submit after the grace period");
        assertEquals(List.of("training.attempt.already-submitted"),
                keys(assertThrows(TrainingException.class, () -> swept.autoSubmit(clock))));
    }

    @Test
    void attemptsStartOnlyInsideTheWindowAndWithinTheAllowance() {
        assertEquals(List.of("training.attempt.no-attempts-left"), keys(assertThrows(TrainingException.class,
                () -> ExamAttempt.start(SETTINGS, Duration.ZERO, 2, 1, clock))));
        MutableClock early = new MutableClock(OPENS.minusSeconds(1));
        assertEquals(List.of("training.attempt.exam-not-open"), keys(assertThrows(TrainingException.class,
                () -> ExamAttempt.start(SETTINGS, Duration.ZERO, 0, 1, early))));
        MutableClock late = new MutableClock(CLOSES);
        assertEquals(List.of("training.attempt.exam-closed"), keys(assertThrows(TrainingException.class,
                () -> ExamAttempt.start(SETTINGS, Duration.ZERO, 0, 1, late))));
    }

    @Test
    void settingsAreValidated() {
        assertEquals(List.of(), SETTINGS.validate());
        ExamSettings bad = new ExamSettings(Duration.ZERO, CLOSES, OPENS, 0, 101, null, Duration.ofSeconds(-1));
        assertEquals(List.of(Problem.of("training.exam.time-limit-positive"),
                Problem.of("training.exam.closes-before-opens"),
                Problem.of("training.exam.attempts-at-least-one"),
                Problem.of("training.exam.pass-mark-range", 101.0),
                Problem.of("training.exam.grading-method-required"),
                Problem.of("training.exam.grace-not-negative")), bad.validate());
        ExamSettings sameInstant = new ExamSettings(Duration.ofMinutes(1), OPENS, OPENS, 1, 0,
                GradingMethod.LAST, Duration.ZERO);
        assertEquals(List.of(Problem.of("training.exam.closes-before-opens")), sameInstant.validate());
        assertEquals(List.of(Problem.of("training.exam.window-required")), new ExamSettings(Duration.ofMinutes(1),
                null, CLOSES, 1, 100, GradingMethod.LAST, Duration.ZERO).validate());
        assertThrows(TrainingException.class, () -> ExamAttempt.start(bad, Duration.ZERO, 0, 1, clock));
    }
}
