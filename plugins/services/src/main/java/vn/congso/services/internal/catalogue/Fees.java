package vn.congso.services.internal.catalogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A procedure's fee as a number of đồng (the currency has no fraction): read as typed, or from the published text. */
public final class Fees {

    /** The largest fee or payment (100 million đồng): a typo of three zeros is refused, not recorded. */
    public static final long MAX = 100_000_000L;
    /** The first amount in đồng in a published fee text, as the catalogue writes it ("50.000 đồng/văn bản"). */
    private static final Pattern PUBLISHED = Pattern.compile("(\\d{1,3}(?:\\.\\d{3})+|\\d+)\\s*đồng");
    private static final Locale VI = Locale.forLanguageTag("vi");

    private Fees() {
    }

    /**
     * Reads an amount in đồng as the page writes it. The đồng has no fraction, so the platform's
     * general rule that "50.000" alone is ambiguous does not apply: in Vietnamese the point (and in
     * English the comma) only groups thousands, so "50.000" is fifty thousand; a space groups too.
     * A decimal mark, a sign, letters or groups of the wrong size make it unreadable.
     *
     * @param text what was typed
     * @param locale the page's language
     * @return the amount, or -1 when it cannot be read
     */
    public static long parse(String text, Locale locale) {
        String group = "en".equals(locale.getLanguage()) ? "," : "\\.";
        String s = text == null ? "" : text.replace('\u00a0', ' ').replace('\u202f', ' ').strip();
        if (!s.matches("\\d+|\\d{1,3}([" + group + " ]\\d{3})+")) {
            return -1;
        }
        String digits = s.replaceAll("[^0-9]", "");
        return digits.length() > 15 ? -1 : Long.parseLong(digits);
    }

    /**
     * @param amount whole đồng
     * @param locale the page's language
     * @return the amount as {@link #parse} reads it back: "50.000" in Vietnamese, "50,000" in English
     */
    public static String format(long amount, Locale locale) {
        String grouped = String.format(Locale.ROOT, "%,d", amount);
        return "en".equals(locale.getLanguage()) ? grouped : grouped.replace(',', '.');
    }

    /**
     * @param feesText a published fee text
     * @return its first amount in đồng within {@link #MAX}, 0 when it names none ("Miễn lệ phí", "Theo quy định …")
     */
    public static long amountIn(String feesText) {
        Matcher m = PUBLISHED.matcher(feesText == null ? "" : feesText);
        if (!m.find()) {
            return 0;
        }
        long amount = parse(m.group(1), VI);
        return amount < 0 || amount > MAX ? 0 : amount;
    }
}
