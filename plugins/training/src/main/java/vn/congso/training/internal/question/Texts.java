package vn.congso.training.internal.question;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text clean-up and the comparison rules for typed answers. */
public final class Texts {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private Texts() {
    }

    /**
     * Cleans a stored text.
     *
     * @param text any text, may be null
     * @return the text in Unicode NFC without surrounding white space; empty for null
     */
    public static String clean(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    /**
     * The form in which two typed answers are compared: white space collapsed to single
     * spaces, optionally lower-cased and optionally without Vietnamese diacritics
     * ({@code "Đ"} and {@code "đ"} become {@code "D"} and {@code "d"}, tone and vowel marks go).
     *
     * @param text the text, may be null
     * @param caseSensitive whether letter case matters
     * @param ignoreDiacritics whether diacritics (tone marks) are ignored
     * @return the comparable form
     */
    public static String comparable(String text, boolean caseSensitive, boolean ignoreDiacritics) {
        String result = WHITE_SPACE.matcher(clean(text)).replaceAll(" ");
        if (ignoreDiacritics) {
            result = result.replace('đ', 'd').replace('Đ', 'D');
            result = COMBINING_MARKS.matcher(Normalizer.normalize(result, Normalizer.Form.NFD)).replaceAll("");
            result = Normalizer.normalize(result, Normalizer.Form.NFC);
        }
        return caseSensitive ? result : result.toLowerCase(Locale.ROOT);
    }
}
