package vn.congso.training.internal.question;

/**
 * An accepted value of a numerical question.
 *
 * @param value the expected number
 * @param tolerance how far a typed number may be from {@code value} and still match
 * @param fraction share of the mark it earns, from 0 to 1
 * @param feedback shown when the learner's number matched it, may be empty
 */
public record NumericAnswer(double value, double tolerance, double fraction, String feedback) {

    /** Rounding slack so that 3.15 is within 0.01 of 3.14 despite binary floating point. */
    private static final double SLACK = 1e-9;

    /** Normalises the feedback. */
    public NumericAnswer {
        feedback = Texts.clean(feedback);
    }

    /**
     * An answer without feedback.
     *
     * @param value the expected number
     * @param tolerance the allowed distance
     * @param fraction share of the mark it earns
     * @return the answer
     */
    public static NumericAnswer of(double value, double tolerance, double fraction) {
        return new NumericAnswer(value, tolerance, fraction, "");
    }

    /**
     * Whether a typed number matches.
     *
     * @param number the learner's number
     * @return true when it lies within the tolerance of the value
     */
    public boolean accepts(double number) {
        return Math.abs(number - value) <= tolerance + SLACK * Math.max(1, Math.abs(value));
    }
}
