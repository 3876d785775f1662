package vn.congso.services.internal.dossier;

import java.util.List;

/** A transition refused for its content or order (not for a missing permission); the message is a translation key. */
public final class WorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Object> args;

    /**
     * @param key the translation key of the problem
     * @param args its arguments
     */
    public WorkflowException(String key, Object... args) {
        super(key);
        this.args = List.of(args);
    }

    /** @return the translation key */
    public String key() {
        return getMessage();
    }

    /** @return the key's arguments */
    public List<Object> args() {
        return args;
    }
}
