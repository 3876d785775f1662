package vn.congso.training.internal.exam;

import java.util.List;

/**
 * The grade of a submitted attempt.
 *
 * @param marks each question's mark, in attempt order
 */
public record AttemptScore(List<QuestionMark> marks) {

    /** Copies the marks. */
    public AttemptScore {
        marks = List.copyOf(marks);
    }

    /** @return the marks earned */
    public double total() {
        return marks.stream().mapToDouble(QuestionMark::mark).sum();
    }

    /** @return what the attempt was worth */
    public double maximum() {
        return marks.stream().mapToDouble(QuestionMark::maxMark).sum();
    }

    /** @return the total as a percentage of the maximum; 0 for an attempt without questions */
    public double percentage() {
        double maximum = maximum();
        return maximum == 0 ? 0 : total() * 100 / maximum;
    }

    /**
     * Whether the attempt passes.
     *
     * @param passMark the lowest passing percentage
     * @return true when the percentage reaches the pass mark
     */
    public boolean passed(double passMark) {
        return passes(percentage(), passMark);
    }

    /**
     * Whether a percentage passes; a hair below the mark from rounding still passes.
     *
     * @param percentage the learner's result
     * @param passMark the lowest passing percentage
     * @return true when the result reaches the pass mark
     */
    public static boolean passes(double percentage, double passMark) {
        return percentage >= passMark - 1e-9;
    }
}
