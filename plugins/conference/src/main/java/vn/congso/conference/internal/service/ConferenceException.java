package vn.congso.conference.internal.service;

/** A request the conference services refuse; the key (with its arguments) says why, in the reader's language. */
public final class ConferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Object[] args;

    /**
     * Creates the refusal.
     *
     * @param key the translation key
     * @param args its arguments
     */
    public ConferenceException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
    }

    /** @return the translation key */
    public String key() {
        return key;
    }

    /** @return the arguments of the key */
    public Object[] args() {
        return args.clone();
    }
}
