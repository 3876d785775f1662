package vn.congso.services.internal.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The plugin's Vietnamese texts, for the documents it prints (the forms of Circular 01/2018 are
 * Vietnamese whatever the officer's page language): the same words as the screens.
 */
final class VietnameseTexts {

    private static final Properties TEXTS = load();

    private VietnameseTexts() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = VietnameseTexts.class.getClassLoader().getResourceAsStream("OSGI-INF/l10n/services.properties")) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks its Vietnamese texts");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** @param key a translation key without arguments @return its Vietnamese text, the key itself when missing */
    static String text(String key) {
        return TEXTS.getProperty(key, key);
    }

    /**
     * @param key a translation key
     * @param args its arguments (texts as given: a code, a name, a date already formatted)
     * @return its Vietnamese text with the arguments in place
     */
    static String format(String key, Object... args) {
        return new java.text.MessageFormat(text(key), java.util.Locale.forLanguageTag("vi")).format(args);
    }
}
