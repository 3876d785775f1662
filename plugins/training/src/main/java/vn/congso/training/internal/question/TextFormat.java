package vn.congso.training.internal.question;

/** How a question's text is written; the names follow Moodle's. */
public enum TextFormat {
    /** Moodle's auto-format: plain text with line breaks kept. The default. */
    MOODLE,
    /** HTML, sanitised before display. */
    HTML,
    /** Markdown, rendered and sanitised before display. */
    MARKDOWN,
    /** Plain text, shown exactly as written. */
    PLAIN
}
