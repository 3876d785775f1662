package vn.congso.publishing.internal.content;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese text without its tone and vowel marks: "Pháp luật" folds to "phap luat" and "đ" to
 * "d" (NFD decomposition leaves "đ" alone, so it is mapped by hand). Used by slugs and search.
 */
public final class Folding {

    private Folding() {
    }

    /**
     * Folds text to lower-case ASCII letters where Vietnamese letters were.
     *
     * @param text any text, may be null
     * @return the folded text (other characters unchanged)
     */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd').replace('Đ', 'd');
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** The longest slug made. */
    public static final int MAX_SLUG = 80;

    /**
     * A URL segment from a title: folded, only {@code a-z}, {@code 0-9} and single hyphens, at
     * most {@value #MAX_SLUG} characters and cut at a word boundary.
     *
     * @param title the title
     * @return the slug, {@code "bai-viet"} when nothing is left
     */
    public static String slug(String title) {
        String folded = fold(title);
        StringBuilder out = new StringBuilder(folded.length());
        boolean hyphen = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                hyphen = false;
            } else if (!hyphen && out.length() > 0) {
                out.append('-');
                hyphen = true;
            }
        }
        String slug = out.toString();
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG);
            int cut = slug.lastIndexOf('-');
            if (cut > MAX_SLUG / 2) {
                slug = slug.substring(0, cut);
            }
        }
        while (slug.endsWith("-")) {
            slug = slug.substring(0, slug.length() - 1);
        }
        return slug.isEmpty() ? "bai-viet" : slug;
    }

    /**
     * Whether a request's path segment is a slug this class could have made (the allow-list for
     * slugs read from URLs).
     *
     * @param candidate the segment
     * @return whether it is well-formed
     */
    public static boolean isSlug(String candidate) {
        return candidate != null && candidate.length() <= MAX_SLUG + 12
                && candidate.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
