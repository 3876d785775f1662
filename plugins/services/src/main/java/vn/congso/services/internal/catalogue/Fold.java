package vn.congso.services.internal.catalogue;

import vn.congso.api.text.VietnameseText;

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
        return SPACES.matcher(VietnameseText.fold(text)).replaceAll(" ").strip();
    }

    /** Runs of white space, the no-break space included. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\p{Z}]+");

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
