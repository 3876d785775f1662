package vn.congso.training.internal.question;

/**
 * One option of a choice question.
 *
 * @param text what the learner reads
 * @param fraction share of the mark the option earns when chosen, from -1 to 1
 * @param feedback shown when the option was chosen, may be empty
 */
public record Choice(String text, double fraction, String feedback) {

    /** Normalises the texts. */
    public Choice {
        text = Texts.clean(text);
        feedback = Texts.clean(feedback);
    }

    /**
     * An option without feedback.
     *
     * @param text what the learner reads
     * @param fraction share of the mark it earns
     * @return the option
     */
    public static Choice of(String text, double fraction) {
        return new Choice(text, fraction, "");
    }
}
