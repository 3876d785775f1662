package vn.congso.api.text;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Reads and writes the numbers people type, by the language of the page, and never turns one
 * number into another.
 *
 * <p>The rules, Vietnamese first (English swaps the comma and the point):
 * <ul>
 * <li>The decimal mark is the comma ({@code 99,37}); the point, a space and a no-break space
 * group thousands, every group after the first of exactly three digits ({@code 1.234.567,5},
 * {@code 1 234,5}).</li>
 * <li>A point is also read as the decimal mark when it is the only mark and is not followed by
 * exactly three digits: {@code 99.37} and {@code 3.5} are 99.37 and 3.5, as a person used to a
 * calculator means them.</li>
 * <li>A single point followed by exactly three digits ({@code 1.234}) could be either, so it is
 * refused as {@link UnreadableNumberException.Reason#AMBIGUOUS}: the person writes
 * {@code 1234} or {@code 1,234}. Where grouping is impossible the point is a decimal
 * ({@code 0.001}, {@code 1234.567}); two or more points ({@code 1.234.567}) are grouping.</li>
 * <li>Anything else is refused as {@link UnreadableNumberException.Reason#UNREADABLE}: letters,
 * exponents ({@code 1e5}), two decimal marks ({@code 9,9,9}), a grouping mark after the decimal
 * mark, groups of the wrong size ({@code 12.34,5}), a sign anywhere but in front.</li>
 * </ul>
 * In English the point is the decimal mark and the comma groups; a single comma not followed by
 * exactly three digits ({@code 99,37}) is read as a decimal comma, {@code 1,234} alone is
 * ambiguous. Numbers are written back without grouping ({@code 1234,5}, {@code 1234.5}) so
 * that what the page shows is always read back as the same number.
 */
public final class LocaleNumbers {

    private static final char NBSP = '\u00a0';
    private static final char NARROW_NBSP = '\u202f';
    private static final char MINUS = '\u2212';

    private LocaleNumbers() {
    }

    /**
     * Reads a typed number.
     *
     * @param text what the person typed, may be null
     * @param locale the page's language; any language but English reads as Vietnamese
     * @return the number, or null when the text is blank
     * @throws UnreadableNumberException when the text is not one number without guessing
     */
    public static BigDecimal parse(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        String s = strip(text);
        if (s.isEmpty()) {
            return null;
        }
        boolean english = isEnglish(locale);
        char decimal = english ? '.' : ',';
        char other = english ? ',' : '.';
        boolean negative = false;
        char first = s.charAt(0);
        if (first == '-' || first == '+' || first == MINUS) {
            negative = first != '+';
            s = strip(s.substring(1));
        }
        if (s.isEmpty()) {
            throw unreadable(text);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != ',' && !isSpace(c)) {
                throw unreadable(text);
            }
        }
        String integer;
        String fraction;
        boolean marked = false;
        int decimals = count(s, decimal);
        if (decimals > 1) {
            throw unreadable(text);
        }
        if (decimals == 1) {
            int at = s.indexOf(decimal);
            integer = s.substring(0, at);
            fraction = s.substring(at + 1);
            marked = true;
        } else {
            int others = count(s, other);
            int at = s.indexOf(other);
            if (others == 1 && !hasSpace(s)) {
                integer = s.substring(0, at);
                fraction = s.substring(at + 1);
                // "1.234" reads as a thousand grouped or as a decimal; "0.001" and "1234.567"
                // cannot be grouping, so they are decimals
                if (fraction.length() == 3 && integer.length() <= 3 && !integer.isEmpty()
                        && integer.charAt(0) != '0') {
                    throw new UnreadableNumberException(UnreadableNumberException.Reason.AMBIGUOUS, text);
                }
                marked = true;
            } else {
                integer = s;
                fraction = "";
            }
        }
        if (!fraction.chars().allMatch(c -> c >= '0' && c <= '9')
                || (fraction.isEmpty() && marked)) {
            throw unreadable(text);
        }
        String digits = groupedDigits(integer, other, text);
        if (digits.isEmpty() && fraction.isEmpty()) {
            throw unreadable(text);
        }
        BigDecimal value = new BigDecimal((digits.isEmpty() ? "0" : digits) + (fraction.isEmpty() ? "" : "." + fraction));
        return negative ? value.negate() : value;
    }

    /**
     * Reads a typed whole number, such as minutes or a count.
     *
     * @param text what the person typed, may be null
     * @param locale the page's language
     * @return the number, or null when the text is blank
     * @throws UnreadableNumberException when the text is not a number, or has a fraction
     *     ({@link UnreadableNumberException.Reason#NOT_WHOLE}), or is beyond an {@code int}
     */
    public static Integer parseWhole(String text, Locale locale) {
        BigDecimal value = parse(text, locale);
        if (value == null) {
            return null;
        }
        try {
            return value.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw new UnreadableNumberException(value.stripTrailingZeros().scale() > 0
                    ? UnreadableNumberException.Reason.NOT_WHOLE : UnreadableNumberException.Reason.UNREADABLE, text);
        }
    }

    /**
     * Writes a number as the page reads it, without grouping: {@code 99,37} in Vietnamese,
     * {@code 99.37} in English, {@code 1234} for a whole number.
     *
     * @param value the number, may be null
     * @param locale the page's language
     * @return the text, empty for null or a number that is not finite
     */
    public static String format(Number value, Locale locale) {
        if (value == null) {
            return "";
        }
        BigDecimal decimal;
        if (value instanceof BigDecimal big) {
            decimal = big;
        } else if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            if (!Double.isFinite(d)) {
                return "";
            }
            decimal = BigDecimal.valueOf(d);
        } else {
            decimal = BigDecimal.valueOf(value.longValue());
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(isEnglish(locale) ? '.' : ',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("0.##########", symbols);
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(Math.max(10, decimal.scale()));
        return format.format(decimal);
    }

    /** @return whether the page's language reads the point as the decimal mark */
    static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static String groupedDigits(String integer, char other, String text) {
        if (integer.isEmpty()) {
            return "";
        }
        StringBuilder digits = new StringBuilder();
        int group = 0;
        int groups = 0;
        for (int i = 0; i < integer.length(); i++) {
            char c = integer.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                group++;
            } else if (c == other || isSpace(c)) {
                // a separator closes a group: the first of 1-3 digits, the others of exactly 3
                if (group == 0 || group > 3 || (groups > 0 && group != 3)) {
                    throw unreadable(text);
                }
                groups++;
                group = 0;
            } else {
                throw unreadable(text);
            }
        }
        if (groups > 0 && group != 3) {
            throw unreadable(text);
        }
        return digits.toString();
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == NBSP || c == NARROW_NBSP || c == '\t';
    }

    private static boolean hasSpace(String s) {
        return s.chars().anyMatch(c -> isSpace((char) c));
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    private static UnreadableNumberException unreadable(String text) {
        return new UnreadableNumberException(UnreadableNumberException.Reason.UNREADABLE, text);
    }
}
