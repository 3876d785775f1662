package vn.congso.training.internal.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TrainingException;

/**
 * One learner's attempt at an exam, as an immutable value: each change returns the next state.
 * An attempt is submitted once, by the learner ({@link AttemptState#SUBMITTED}) or by the
 * server's sweeper when it is overdue ({@link AttemptState#AUTO_SUBMITTED}); a second
 * submission is refused, so an attempt is never graded twice. The store must make the same
 * transition atomic (update only where the state is still {@code IN_PROGRESS}).
 *
 * @param timing when the attempt must end
 * @param seed the seed its question draw and option order come from, kept so a resumed attempt
 *     shows the same questions in the same order
 * @param state where the attempt is
 * @param submittedAt when it was submitted; null while in progress
 */
public record ExamAttempt(AttemptTiming timing, long seed, AttemptState state, Instant submittedAt) {

    /** Checks that state and submission time agree. */
    public ExamAttempt {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(state, "state");
        if (state.isFinished() != (submittedAt != null)) {
            throw new IllegalArgumentException(state + " with submission time " + submittedAt);
        }
    }

    /**
     * Starts an attempt.
     *
     * @param settings the exam's settings, valid
     * @param extraTime extra time granted to the learner
     * @param attemptsUsed how many attempts the learner already started
     * @param seed the seed for the question draw and option order
     * @param clock the server's clock
     * @return the attempt in progress
     * @throws TrainingException when the exam is not open or no attempt is left
     */
    public static ExamAttempt start(ExamSettings settings, Duration extraTime, int attemptsUsed, long seed,
            Clock clock) {
        List<Problem> invalid = settings.validate();
        if (!invalid.isEmpty()) {
            throw new TrainingException(invalid);
        }
        Instant now = clock.instant();
        if (now.isBefore(settings.opensAt())) {
            throw new TrainingException("training.attempt.exam-not-open");
        }
        if (!now.isBefore(settings.closesAt())) {
            throw new TrainingException("training.attempt.exam-closed");
        }
        if (attemptsUsed >= settings.maxAttempts()) {
            throw new TrainingException("training.attempt.no-attempts-left", settings.maxAttempts());
        }
        AttemptTiming timing = new AttemptTiming(now, settings.timeLimit(), extraTime, settings.closesAt(),
                settings.grace());
        return new ExamAttempt(timing, seed, AttemptState.IN_PROGRESS, null);
    }

    /**
     * Refuses an answer the attempt may no longer take.
     *
     * @param clock the server's clock
     * @throws TrainingException when the attempt was submitted or its time is over
     */
    public void checkAcceptsAnswer(Clock clock) {
        if (state.isFinished()) {
            throw new TrainingException("training.attempt.already-submitted");
        }
        if (!timing.acceptsAnswerAt(clock.instant())) {
            throw new TrainingException("training.attempt.time-over");
        }
    }

    /**
     * The learner submits.
     *
     * @param clock the server's clock
     * @return the submitted attempt
     * @throws TrainingException when it was already submitted, or its time is over (the sweeper
     *     submits it then)
     */
    public ExamAttempt submit(Clock clock) {
        checkAcceptsAnswer(clock);
        return new ExamAttempt(timing, seed, AttemptState.SUBMITTED, clock.instant());
    }

    /**
     * The server submits an attempt whose time ran out, whether or not a browser is still open.
     * It is recorded as submitted at its deadline, when the learner's time ended, however late
     * the server gets to it (after a restart, say); answers taken in the grace period count.
     *
     * @param clock the server's clock
     * @return the automatically submitted attempt
     * @throws TrainingException when it was already submitted or is not overdue yet
     */
    public ExamAttempt autoSubmit(Clock clock) {
        if (state.isFinished()) {
            throw new TrainingException("training.attempt.already-submitted");
        }
        if (!isOverdue(clock.instant())) {
            throw new TrainingException("training.attempt.not-overdue");
        }
        return new ExamAttempt(timing, seed, AttemptState.AUTO_SUBMITTED, timing.deadline());
    }

    /**
     * Whether the sweeper must submit this attempt.
     *
     * @param now the server's time
     * @return true when the attempt is in progress and its time, grace included, is over
     */
    public boolean isOverdue(Instant now) {
        return state == AttemptState.IN_PROGRESS && timing.isOverdue(now);
    }
}
