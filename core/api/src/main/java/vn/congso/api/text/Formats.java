package vn.congso.api.text;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way every screen and PDF writes a date, a time or a percentage, per language.
 * Vietnamese: {@code 05/12/2026}, {@code 05/12/2026 14:30}, {@code 95,8 %} (a no-break space
 * before the sign, as Vietnamese typography writes it). English: {@code 2026-12-05},
 * {@code 2026-12-05 14:30}, {@code 95.8%}. Times are in the district's zone; both languages use
 * the 24-hour clock, and the English date is ISO so that it cannot be read as month/day.
 * The date patterns are the ones the date pickers use too ({@link PickerTexts}).
 */
public final class Formats {

    /** Where the platform's people are: stored instants are shown in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The no-break space between a Vietnamese number and its percent sign. */
    public static final char NBSP = '\u00A0';

    private static final String VI_DATE = "dd/MM/yyyy";
    private static final String EN_DATE = "yyyy-MM-dd";

    private Formats() {
    }

    /**
     * @param locale the page's language
     * @return the date pattern, in the tokens both {@link DateTimeFormatter} and Vaadin's
     *     date picker understand
     */
    public static String datePattern(Locale locale) {
        return english(locale) ? EN_DATE : VI_DATE;
    }

    /**
     * @param date a calendar date
     * @param locale the page's language
     * @return the date, or an empty string for null
     */
    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofPattern(datePattern(locale), Locale.ROOT).format(date);
    }

    /**
     * @param instant a moment
     * @param locale the page's language
     * @return its date in the district's zone, or an empty string for null
     */
    public static String date(Instant instant, Locale locale) {
        return instant == null ? "" : date(instant.atZone(ZONE).toLocalDate(), locale);
    }

    /**
     * @param instant a moment
     * @param locale the page's language
     * @return its date and time (hours and minutes) in the district's zone, or an empty string
     */
    public static String dateTime(Instant instant, Locale locale) {
        return instant == null ? ""
                : DateTimeFormatter.ofPattern(datePattern(locale) + " HH:mm", Locale.ROOT).withZone(ZONE).format(instant);
    }

    /**
     * @param instant a moment
     * @param locale the page's language
     * @return its date and time to the second in the district's zone (logs, the audit trail)
     */
    public static String dateTimeSeconds(Instant instant, Locale locale) {
        return instant == null ? ""
                : DateTimeFormatter.ofPattern(datePattern(locale) + " HH:mm:ss", Locale.ROOT).withZone(ZONE)
                        .format(instant);
    }

    /**
     * @param percent a percentage (70 means seventy per cent)
     * @param locale the page's language
     * @return at most one decimal, the page's decimal separator, and the language's spacing:
     *     {@code 95,8 %} (no-break space) or {@code 95.8%}
     */
    public static String percent(double percent, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(english(locale) ? Locale.ENGLISH : locale);
        number.setMaximumFractionDigits(1);
        number.setMinimumFractionDigits(0);
        number.setRoundingMode(RoundingMode.HALF_UP);
        number.setGroupingUsed(false);
        return number.format(percent) + (english(locale) ? "%" : NBSP + "%");
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
