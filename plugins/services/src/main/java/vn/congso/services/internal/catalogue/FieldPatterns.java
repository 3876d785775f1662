package vn.congso.services.internal.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The patterns a text field of an e-form may require: one of a few named ones, or a regular
 * expression the administrator writes. A written one is bounded before it is accepted: at most
 * {@link #MAX_LENGTH} characters, no back-references, look-arounds or inline flags, no quantified
 * group that itself holds a quantifier (the shape of catastrophic backtracking), it must compile,
 * accept the administrator's sample value and finish within a time budget on hostile inputs.
 * Every match, on save and on a citizen's value, runs under a deadline too.
 */
public final class FieldPatterns {

    /** The longest regular expression accepted. */
    public static final int MAX_LENGTH = 120;

    /** The named patterns, by the name stored (a leading {@code @}). */
    public static final Map<String, Pattern> NAMED;

    static {
        Map<String, Pattern> named = new LinkedHashMap<>();
        named.put("@digits", Pattern.compile("[0-9]+"));
        named.put("@letters", Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*"));
        named.put("@code", Pattern.compile("[A-Z0-9][A-Z0-9./-]*"));
        named.put("@plate", Pattern.compile("[0-9]{2}[A-Z]{1,2}[0-9]?-?[0-9]{3}\\.?[0-9]{2}"));
        named.put("@tax-code", Pattern.compile("[0-9]{10}(-[0-9]{3})?"));
        NAMED = java.util.Collections.unmodifiableMap(named);
    }

    private static final long BUDGET_NANOS = 50_000_000L;
    private static final Pattern FORBIDDEN = Pattern.compile("\\\\[1-9]|\\\\k<|\\(\\?(?!:)");
    /** A group holding a quantifier, closed and quantified again: (a+)+, (x*y)*, (a{2,})+ … */
    private static final Pattern NESTED = Pattern.compile("[*+}][^()]*\\)[*+{]");

    private FieldPatterns() {
    }

    /**
     * Checks a pattern an administrator entered.
     *
     * @param pattern the pattern, empty for none
     * @param sample a value it must accept (required for a written expression)
     * @return the problem as a translation key, or empty when the pattern is accepted
     */
    public static Optional<String> check(String pattern, String sample) {
        if (pattern == null || pattern.isEmpty()) {
            return Optional.empty();
        }
        Pattern compiled;
        if (pattern.startsWith("@")) {
            compiled = NAMED.get(pattern);
            if (compiled == null) {
                return Optional.of("services.designer.error.pattern-unknown");
            }
        } else {
            if (pattern.length() > MAX_LENGTH) {
                return Optional.of("services.designer.error.pattern-long");
            }
            if (FORBIDDEN.matcher(pattern).find()) {
                return Optional.of("services.designer.error.pattern-construct");
            }
            if (NESTED.matcher(pattern.replaceAll("\\\\.", "x")).find()) {
                return Optional.of("services.designer.error.pattern-nested");
            }
            try {
                compiled = Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                return Optional.of("services.designer.error.pattern-syntax");
            }
            if (sample == null || sample.isEmpty()) {
                return Optional.of("services.designer.error.pattern-sample");
            }
            for (String hostile : hostile(sample)) {
                try {
                    compiled.matcher(new Deadline(hostile, System.nanoTime() + BUDGET_NANOS)).matches();
                } catch (TooSlow e) {
                    return Optional.of("services.designer.error.pattern-slow");
                }
            }
        }
        if (sample != null && !sample.isEmpty() && !matches(compiled, sample)) {
            return Optional.of("services.designer.error.pattern-sample");
        }
        return Optional.empty();
    }

    /**
     * @param pattern a pattern accepted by {@link #check}, or empty
     * @param value a citizen's value
     * @return whether the value has the pattern's shape (a match over the time budget does not)
     */
    public static boolean matches(String pattern, String value) {
        if (pattern == null || pattern.isEmpty()) {
            return true;
        }
        Pattern compiled = pattern.startsWith("@") ? NAMED.get(pattern) : Pattern.compile(pattern);
        return compiled != null && matches(compiled, value);
    }

    private static boolean matches(Pattern compiled, String value) {
        try {
            return compiled.matcher(new Deadline(value, System.nanoTime() + BUDGET_NANOS)).matches();
        } catch (TooSlow e) {
            return false;
        }
    }

    /** Inputs that make a backtracking expression explode: runs of one character ending in a mismatch. */
    private static List<String> hostile(String sample) {
        String first = sample.substring(0, 1);
        return List.of(first.repeat(40) + "\u0000", sample.repeat(20) + "\u0000", "a".repeat(40) + "!",
                "0".repeat(40) + "!", " ".repeat(40) + "!", "-".repeat(40) + "!");
    }

    /** A character sequence that refuses to be read after its deadline, so a runaway match stops. */
    private record Deadline(CharSequence text, long until) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (System.nanoTime() > until) {
                throw new TooSlow();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.subSequence(start, end), until);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Thrown by {@link Deadline} once the budget is spent. */
    private static final class TooSlow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super("regular expression over its time budget", null, false, false);
        }
    }
}
