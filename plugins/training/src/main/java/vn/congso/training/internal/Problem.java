package vn.congso.training.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Something wrong with what a user entered or uploaded, as a translation key and its
 * {@link java.text.MessageFormat} arguments, so that the view can say it in the user's language.
 *
 * @param key translation key in {@code OSGI-INF/l10n/training*.properties}
 * @param args the message's arguments, in order
 */
public record Problem(String key, List<Object> args) {

    /** Checks the key and copies the arguments. */
    public Problem {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /**
     * Creates a problem.
     *
     * @param key translation key
     * @param args the message's arguments; none may be null
     * @return the problem
     */
    public static Problem of(String key, Object... args) {
        return new Problem(key, Arrays.asList(args));
    }
}
