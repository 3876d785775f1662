package vn.congso.notify.internal;

import java.util.List;

/**
 * An outbox action that was refused, with a translation key (in {@code OSGI-INF/l10n/notify*})
 * and its arguments; the message is the English text for logs and the console.
 */
public final class OutboxRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String key;
    private final List<String> args;

    OutboxRefusal(String english, String key, Object... args) {
        super(english);
        this.key = key;
        // Kept as text: a number formatted by the translation would be grouped (1,234).
        this.args = java.util.Arrays.stream(args).map(String::valueOf).toList();
    }

    /** @return the translation key */
    public String key() {
        return key;
    }

    /** @return the key's arguments */
    public Object[] args() {
        return args.toArray();
    }
}
