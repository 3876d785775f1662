package vn.congso.security.internal;

import java.util.List;

/** Bad input: every problem names its field (or CSV line) and a translation key. Nothing was saved. */
public final class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param field the form field or {@code line N}
     * @param key translation key of the message
     * @param value the offending value, may be empty
     */
    public record Problem(String field, String key, String value) {
    }

    private final transient List<Problem> problems;

    /** Creates the exception. */
    public ValidationException(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    /** The problems, in order. */
    public List<Problem> problems() {
        return problems;
    }
}
