package vn.congso.training.internal.question;

import java.util.Objects;

/**
 * What every question has besides its answers. Texts are stripped of surrounding white space
 * so that a question reads back equal from any exchange format.
 *
 * @param title short name shown in the bank, may be empty
 * @param text the question as the learner reads it
 * @param format how {@code text} and the feedback are written
 * @param generalFeedback shown after the attempt whatever the response, may be empty
 */
public record Prompt(String title, String text, TextFormat format, String generalFeedback) {

    /** Normalises absent texts to empty ones. */
    public Prompt {
        title = Texts.clean(title);
        text = Texts.clean(text);
        format = Objects.requireNonNullElse(format, TextFormat.MOODLE);
        generalFeedback = Texts.clean(generalFeedback);
    }

    /**
     * A prompt with no title or feedback, in Moodle's auto-format.
     *
     * @param text the question text
     * @return the prompt
     */
    public static Prompt of(String text) {
        return new Prompt("", text, TextFormat.MOODLE, "");
    }
}
