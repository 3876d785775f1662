package vn.congso.training.internal.exchange;

import java.util.Objects;
import vn.congso.training.internal.Problem;

/**
 * Why a file could not be imported, and where.
 *
 * @param line 1-based line of a GIFT file where the question or the bad token starts; 0 when
 *     the place is an XML element instead
 * @param element the XML element, for instance {@code question #3 <answer>}; empty for GIFT
 * @param problem what is wrong, as a translation key and arguments
 */
public record ImportError(int line, String element, Problem problem) {

    /** Checks the parts. */
    public ImportError {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * An error in a line of a text file.
     *
     * @param line 1-based line
     * @param key translation key
     * @param args the message's arguments
     * @return the error
     */
    public static ImportError atLine(int line, String key, Object... args) {
        return new ImportError(line, "", Problem.of(key, args));
    }

    /**
     * An error in an XML element.
     *
     * @param element where, for instance {@code question #3 <answer>}
     * @param key translation key
     * @param args the message's arguments
     * @return the error
     */
    public static ImportError atElement(String element, String key, Object... args) {
        return new ImportError(0, element, Problem.of(key, args));
    }
}
