package vn.congso.training.internal.ui;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/** Number and duration formats of the training screens, kept apart so they are unit-tested. */
final class Formats {

    private Formats() {
    }

    /**
     * A countdown as a learner reads it: {@code 1:05:09} above an hour, {@code 04:59} below.
     * Seconds are rounded up, so the timer shows {@code 00:01} until the very end, never
     * {@code 00:00} while answers are still taken.
     *
     * @param remaining time left, negative treated as none
     * @return the countdown text
     */
    static String countdown(Duration remaining) {
        long millis = Math.max(0, remaining.toMillis());
        long seconds = (millis + 999) / 1000;
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%02d:%02d", minutes, rest);
    }

    /**
     * A percentage with at most one decimal, written as every screen of the platform writes it
     * ({@link vn.congso.api.text.Formats#percent}: {@code 87,5 %} with a no-break space in
     * Vietnamese, {@code 87.5%} in English).
     *
     * @param value the percentage, 0 to 100
     * @param locale the user's language
     * @return the text
     */
    static String percent(double value, Locale locale) {
        return vn.congso.api.text.Formats.percent(value, locale);
    }

    /**
     * A mark with at most two decimals, as in {@code 7,5 / 10}.
     *
     * @param value the mark
     * @param locale the user's language
     * @return the text
     */
    static String mark(double value, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(2);
        return number.format(value);
    }

    /**
     * A duration in minutes for course and exam summaries.
     *
     * @param duration the duration
     * @return whole minutes, rounded up
     */
    static long minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return (seconds + 59) / 60;
    }
}
