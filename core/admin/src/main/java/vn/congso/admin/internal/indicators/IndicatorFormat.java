package vn.congso.admin.internal.indicators;

import java.text.NumberFormat;
import java.util.Locale;
import vn.congso.api.indicators.UnitOfMeasure;

/** Numbers as a reader of the page's language writes them: {@code 1.234}, {@code 95,8 %} in Vietnamese. */
final class IndicatorFormat {

    private IndicatorFormat() {
    }

    /**
     * A value in its unit of measure.
     *
     * @param value the number
     * @param unit what it counts
     * @param locale the page's language
     * @return the text, with a percent sign for a percentage
     */
    static String value(double value, UnitOfMeasure unit, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(0);
        number.setMaximumFractionDigits(switch (unit) {
            case COUNT, VND -> 0;
            case PERCENT, DAYS, HOURS -> 1;
        });
        String digits = number.format(value);
        if (unit == UnitOfMeasure.PERCENT) {
            return "en".equals(locale.getLanguage()) ? digits + "%" : digits + " %";
        }
        return digits;
    }

    /**
     * A whole count, such as the parts of a fraction.
     *
     * @param count the count
     * @param locale the page's language
     * @return the text with the language's grouping
     */
    static String count(long count, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    /**
     * A number for a CSV file: a dot for decimals and no grouping, whatever the language, so
     * that programs read it back.
     *
     * @param value the number
     * @param unit what it counts
     * @return the text
     */
    static String plain(double value, UnitOfMeasure unit) {
        return switch (unit) {
            case COUNT, VND -> String.valueOf(Math.round(value));
            case PERCENT, DAYS, HOURS -> String.format(Locale.ROOT, "%.1f", value);
        };
    }
}
