package vn.congso.publishing.internal.content;

import vn.congso.api.text.VietnameseText;

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
        return VietnameseText.fold(text);
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
        String slug = VietnameseText.slug(title, MAX_SLUG);
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
