package vn.congso.services.internal.catalogue;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese text as search compares it: tone marks and other diacritics removed, đ as d, lower
 * case, runs of white space as one space. "Đăng ký kết hôn" and "dang ky  ket hon" fold alike.
 */
public final class Fold {

    private Fold() {
    }

    /**
     * @param text any text, maybe null
     * @return the folded text, never null
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether every word of a query occurs in a folded text.
     *
     * @param folded a text already folded
     * @param query the words typed
     * @return true for an empty query
     */
    public static boolean matches(String folded, String query) {
        for (String word : fold(query).split(" ")) {
            if (!word.isEmpty() && !folded.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
