package ${package}.internal;

import java.util.Optional;

/**
 * What makes an entry valid. The form checks it while the user types and the service checks it
 * again, because a view is never the only door.
 */
public final class EntryRules {

    /** The longest title, in characters. */
    public static final int MAX_TITLE = 120;
    /** The largest amount. */
    public static final int MAX_AMOUNT = 1_000_000;

    private EntryRules() {
    }

    /**
     * Checks a title.
     *
     * @param title the title as typed
     * @return the translation key of the problem, or empty when the title is valid
     */
    public static Optional<String> checkTitle(String title) {
        if (title == null || title.isBlank()) {
            return Optional.of("${pluginName}.error.title-required");
        }
        if (title.strip().length() > MAX_TITLE) {
            return Optional.of("${pluginName}.error.title-too-long");
        }
        return Optional.empty();
    }

    /**
     * Checks an amount.
     *
     * @param amount the amount, or null when none was given
     * @return the translation key of the problem, or empty when the amount is valid
     */
    public static Optional<String> checkAmount(Integer amount) {
        if (amount == null) {
            return Optional.of("${pluginName}.error.amount-required");
        }
        if (amount < 0 || amount > MAX_AMOUNT) {
            return Optional.of("${pluginName}.error.amount-range");
        }
        return Optional.empty();
    }
}
