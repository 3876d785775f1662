package vn.congso.training.internal.question;

/**
 * An accepted answer of a short-answer question.
 *
 * @param text the accepted text
 * @param fraction share of the mark it earns, from 0 to 1
 * @param feedback shown when the learner's answer matched it, may be empty
 */
public record TextAnswer(String text, double fraction, String feedback) {

    /** Normalises the texts. */
    public TextAnswer {
        text = Texts.clean(text);
        feedback = Texts.clean(feedback);
    }

    /**
     * An answer without feedback.
     *
     * @param text the accepted text
     * @param fraction share of the mark it earns
     * @return the answer
     */
    public static TextAnswer of(String text, double fraction) {
        return new TextAnswer(text, fraction, "");
    }
}
