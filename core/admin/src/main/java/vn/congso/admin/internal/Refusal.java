package vn.congso.admin.internal;

/**
 * Thrown inside the install pipeline when a check refuses the input; carries the reason the
 * caller gets as a {@link Problem}. Never leaves this bundle.
 */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    Refusal(Problem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    Refusal(String key, Object... args) {
        this(Problem.of(key, args));
    }

    Problem problem() {
        return problem;
    }
}
