package vn.congso.training.internal;

import java.util.List;

/**
 * A request the training rules refuse, for instance drawing more questions than a category
 * holds or submitting an attempt twice. Nothing was changed.
 */
public final class TrainingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * Creates the exception.
     *
     * @param problems why the request was refused; at least one
     */
    public TrainingException(List<Problem> problems) {
        super(problems.toString());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates the exception for one problem.
     *
     * @param key translation key
     * @param args the message's arguments
     */
    public TrainingException(String key, Object... args) {
        this(List.of(Problem.of(key, args)));
    }

    /** @return why the request was refused, in order */
    public List<Problem> problems() {
        return problems;
    }
}
