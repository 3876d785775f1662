package vn.congso.services.internal.citizen;

import java.util.List;
import java.util.Map;

/**
 * A registration step refused: every problem names its form field ({@code fullName}, {@code phone},
 * {@code email}, {@code idNumber}, {@code unit}, {@code password}, {@code repeat}, {@code code}, or
 * {@code form} for the whole form) and a translation key with its arguments. Nothing was saved.
 */
public final class RegistrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param field the form field
     * @param key translation key
     * @param args the message's arguments
     */
    public record Problem(String field, String key, List<Object> args) {
        /** Copies the arguments. */
        public Problem {
            args = List.copyOf(args);
        }

        static Problem of(String field, String key, Object... args) {
            return new Problem(field, key, List.of(args));
        }
    }

    private final transient List<Problem> problems;

    RegistrationException(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    static RegistrationException of(String field, String key, Object... args) {
        return new RegistrationException(List.of(Problem.of(field, key, args)));
    }

    /** @return the problems, in form order */
    public List<Problem> problems() {
        return problems;
    }

    /** @return the first problem of each field */
    public Map<String, Problem> byField() {
        Map<String, Problem> map = new java.util.LinkedHashMap<>();
        problems.forEach(p -> map.putIfAbsent(p.field(), p));
        return map;
    }
}
