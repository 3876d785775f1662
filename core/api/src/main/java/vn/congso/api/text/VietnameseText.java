package vn.congso.api.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese text folded for matching and for addresses: tone marks and other diacritics
 * removed, "đ" read as "d", lower case. "Đăng ký kết hôn", "dang ky ket hon" and
 * "ĐĂNG KÝ KẾT HÔN" fold to the same text, so a search typed without diacritics (or with a
 * keyboard that lacks "đ") finds what a person means.
 */
public final class VietnameseText {

    private VietnameseText() {
    }

    /**
     * Folds a text for tone-insensitive matching: Unicode NFD, combining marks dropped, "đ"/"Đ"
     * as "d", lower case (root locale). Spaces and punctuation are kept as they are.
     *
     * @param text any text, maybe null
     * @return the folded text, empty for null
     */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(c == 'đ' || c == 'Đ' ? 'd' : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a text contains every word of a query, tone-insensitively: "dang ky ket hon"
     * matches "Đăng ký kết hôn", "ket hon" matches too, "kết hôn" matches "Ket hon".
     *
     * @param text the text searched
     * @param query the words typed
     * @return {@code true} when every word of the query appears in the text; {@code true} for a
     *         blank query
     */
    public static boolean matches(String text, String query) {
        String haystack = fold(text);
        for (String word : fold(query).trim().split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A readable ASCII address segment: "Hướng dẫn đăng ký khai sinh trực tuyến" becomes
     * {@code huong-dan-dang-ky-khai-sinh-truc-tuyen}. Letters and digits are kept, every other
     * run of characters becomes one hyphen, without leading or trailing hyphens, cut at a hyphen
     * to at most {@code maxLength} characters.
     *
     * @param text the text
     * @param maxLength the longest slug wanted (at least 1)
     * @return the slug; empty when the text has no letter or digit
     */
    public static String slug(String text, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1");
        }
        String folded = fold(text);
        StringBuilder out = new StringBuilder(folded.length());
        boolean hyphen = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (hyphen && out.length() > 0) {
                    out.append('-');
                }
                hyphen = false;
                out.append(c);
            } else {
                hyphen = true;
            }
        }
        if (out.length() <= maxLength) {
            return out.toString();
        }
        int cut = out.lastIndexOf("-", maxLength);
        return cut > 0 ? out.substring(0, cut) : out.substring(0, maxLength);
    }
}
