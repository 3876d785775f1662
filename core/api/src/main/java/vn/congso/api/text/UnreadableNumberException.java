package vn.congso.api.text;

/**
 * A typed number that cannot be read without guessing. {@link #messageKey()} names the platform
 * translation that tells the person what to type instead.
 */
public final class UnreadableNumberException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why the text was refused. */
    public enum Reason {
        /** Not a number at all: letters, exponents, misplaced or repeated separators. */
        UNREADABLE("number.unreadable"),
        /** One grouping mark followed by exactly three digits, as in {@code 1.234}: a thousand or a decimal. */
        AMBIGUOUS("number.ambiguous"),
        /** A fraction where only a whole number is meaningful (minutes, a count). */
        NOT_WHOLE("number.not-whole");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        /** @return the translation key of the message shown on the field */
        public String messageKey() {
            return key;
        }
    }

    private final Reason reason;
    private final String text;

    /**
     * @param reason why the text was refused
     * @param text the text as typed
     */
    public UnreadableNumberException(Reason reason, String text) {
        super(reason + ": " + text);
        this.reason = reason;
        this.text = text;
    }

    /** @return why the text was refused */
    public Reason reason() {
        return reason;
    }

    /** @return the text as typed */
    public String text() {
        return text;
    }

    /** @return the translation key of the message shown on the field */
    public String messageKey() {
        return reason.messageKey();
    }
}
