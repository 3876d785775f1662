package vn.congso.training.internal;

/**
 * The longest texts the training plugin stores, in characters. The services refuse anything
 * longer with a translated message (the limit is the argument), and every field that edits one
 * of them sets the same number as its {@code maxLength}, which is only a courtesy.
 */
public final class TextLimits {

    /** Course, lesson and exam titles. */
    public static final int TITLE = 200;
    /** A course's summary. */
    public static final int SUMMARY = 2_000;
    /** An exam's description. */
    public static final int DESCRIPTION = 5_000;
    /** A lesson's Markdown. */
    public static final int LESSON_MARKDOWN = 20_000;
    /** A link (a lesson's video). */
    public static final int URL = 2_000;
    /** A question's name. */
    public static final int QUESTION_NAME = 255;
    /** A question's text and its general feedback. */
    public static final int QUESTION_TEXT = 10_000;
    /** An answer, a matching item, or an answer's feedback. */
    public static final int ANSWER = 1_000;

    private TextLimits() {
    }
}
