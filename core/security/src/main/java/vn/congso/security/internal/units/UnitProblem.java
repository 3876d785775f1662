package vn.congso.security.internal.units;

import java.util.List;

/**
 * Why a reorganisation file is refused: a translation key of {@code OSGI-INF/l10n/units*.properties}
 * with its arguments, at a line of the file (0 for the file as a whole).
 *
 * @param line the 1-based line, 0 for the whole file
 * @param key the translation key
 * @param args the message arguments
 */
public record UnitProblem(int line, String key, List<Object> args) {

    /** Copies the arguments. */
    public UnitProblem {
        args = List.copyOf(args);
    }

    /**
     * A problem.
     *
     * @param line the line, 0 for the whole file
     * @param key the translation key
     * @param args the message arguments
     * @return the problem
     */
    public static UnitProblem at(int line, String key, Object... args) {
        return new UnitProblem(line, key, List.of(args));
    }
}
