package vn.congso.ui.internal;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats a translated text with its arguments so that a text can never break the message it
 * is part of. A text without arguments is returned exactly as written, braces and apostrophes
 * included (a GIFT message says "{ }" literally). A text with arguments goes through
 * {@link MessageFormat}; if its pattern does not parse (a literal brace beside a placeholder),
 * each {@code {n}} or {@code {n,…}} placeholder is replaced by its argument and everything else
 * is kept as written, instead of throwing "can't parse argument number" at the user.
 */
final class SafeMessageFormat {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:,[^{}]*)?\\}");

    private SafeMessageFormat() {
    }

    /**
     * @param text the translated text
     * @param locale the language numbers are written in
     * @param args the arguments; none or null means the text is returned as is
     * @return the message
     */
    static String format(String text, Locale locale, Object... args) {
        if (text == null) {
            return "";
        }
        if (args == null || args.length == 0) {
            return text;
        }
        try {
            return new MessageFormat(text, locale).format(args);
        } catch (IllegalArgumentException malformed) {
            return substitute(text, locale, args);
        }
    }

    /**
     * @param text a text with placeholders
     * @return whether {@link MessageFormat} can parse it
     */
    static boolean parses(String text) {
        try {
            new MessageFormat(text, Locale.ROOT);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Replaces the placeholders one by one, leaving every other character alone. */
    private static String substitute(String text, Locale locale, Object... args) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (matcher.find()) {
            int index;
            try {
                index = Integer.parseInt(matcher.group(1));
            } catch (NumberFormatException tooLong) {
                index = -1;
            }
            String replacement = index >= 0 && index < args.length ? value(args[index], locale) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String value(Object arg, Locale locale) {
        if (arg instanceof Number number) {
            return NumberFormat.getInstance(locale).format(number);
        }
        return String.valueOf(arg);
    }
}
