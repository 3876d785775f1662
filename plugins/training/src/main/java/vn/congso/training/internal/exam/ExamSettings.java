package vn.congso.training.internal.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.congso.training.internal.Problem;

/**
 * How an exam is run.
 *
 * @param timeLimit how long one attempt may take
 * @param opensAt when attempts may start
 * @param closesAt when the exam closes; no attempt runs past it
 * @param maxAttempts how many attempts a learner has, at least 1
 * @param passMark the lowest passing percentage, 0 to 100
 * @param gradingMethod which attempt counts
 * @param grace how long after the deadline a save or submission is still taken, for network delays
 * @param shuffleOptions whether each attempt shows a question's options (choices, matching
 *     answers) in its own random order; otherwise in the order the trainer wrote them
 */
public record ExamSettings(Duration timeLimit, Instant opensAt, Instant closesAt, int maxAttempts,
        double passMark, GradingMethod gradingMethod, Duration grace, boolean shuffleOptions) {

    /** Settings that shuffle options, as most exams do. */
    public ExamSettings(Duration timeLimit, Instant opensAt, Instant closesAt, int maxAttempts, double passMark,
            GradingMethod gradingMethod, Duration grace) {
        this(timeLimit, opensAt, closesAt, maxAttempts, passMark, gradingMethod, grace, true);
    }

    /**
     * Checks the settings, for the exam form.
     *
     * @return every rule broken, in order; empty when the exam may be saved
     */
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            problems.add(Problem.of("training.exam.time-limit-positive"));
        }
        if (opensAt == null || closesAt == null) {
            problems.add(Problem.of("training.exam.window-required"));
        } else if (!opensAt.isBefore(closesAt)) {
            problems.add(Problem.of("training.exam.closes-before-opens"));
        }
        if (maxAttempts < 1) {
            problems.add(Problem.of("training.exam.attempts-at-least-one"));
        }
        if (!(passMark >= 0 && passMark <= 100)) {
            problems.add(Problem.of("training.exam.pass-mark-range", passMark));
        }
        if (gradingMethod == null) {
            problems.add(Problem.of("training.exam.grading-method-required"));
        }
        if (grace == null || grace.isNegative()) {
            problems.add(Problem.of("training.exam.grace-not-negative"));
        }
        return problems;
    }
}
