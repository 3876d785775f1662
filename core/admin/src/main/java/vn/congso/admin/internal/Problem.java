package vn.congso.admin.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A reason, as a translation key from this bundle's {@code OSGI-INF/l10n/admin*.properties}
 * plus {@link java.text.MessageFormat} arguments, so the view and the shell can say it in the
 * reader's language. Used for refusals, failures and health causes.
 *
 * @param key translation key, always starting with {@code plugin.}
 * @param args arguments for the key's placeholders, in order; never null
 */
public record Problem(String key, List<Object> args) {

    /**
     * Creates a problem.
     *
     * @throws NullPointerException if {@code key} is null
     */
    public Problem {
        Objects.requireNonNull(key, "key");
        args = args == null ? List.of() : List.copyOf(args);
    }

    /**
     * A problem with its arguments.
     *
     * @param key translation key
     * @param args arguments (null elements become the text {@code "null"})
     * @return the problem
     */
    public static Problem of(String key, Object... args) {
        return new Problem(key, Arrays.stream(args).map(a -> a == null ? (Object) "null" : a).toList());
    }

    @Override
    public String toString() {
        return args.isEmpty() ? key : key + args;
    }
}
