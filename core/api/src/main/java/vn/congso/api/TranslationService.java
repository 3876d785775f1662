package vn.congso.api;

import java.util.List;
import java.util.Locale;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Translation lookup over the merged {@code OSGI-INF/l10n} files of every active bundle.
 * Vietnamese is the default language, English the second. Files named
 * {@code <name>.properties} hold Vietnamese, {@code <name>_en.properties} English; they are
 * read as UTF-8.
 */
@ProviderType
public interface TranslationService {

    /** Vietnamese, the default language. */
    Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** English, the second language. */
    Locale ENGLISH = Locale.ENGLISH;

    /**
     * Translates a key. Falls back to Vietnamese when the key has no text in the requested
     * language, and returns {@code "!" + key + "!"} when it has none at all, so that a
     * missing translation is visible rather than silent.
     *
     * @param key the translation key
     * @param locale the language wanted; only its language is considered
     * @param params values for {@link java.text.MessageFormat} placeholders such as {@code {0}}
     * @return the translated text
     */
    String translate(String key, Locale locale, Object... params);

    /**
     * Whether some active bundle defines a key, in the given language or in Vietnamese: lets a
     * screen fall back to a stored value (an audit action recorded by a plugin since removed)
     * instead of showing {@code !key!}.
     *
     * @param key the translation key
     * @param locale the language wanted
     * @return {@code true} if {@link #translate} finds a text
     * @since 1.5
     */
    default boolean has(String key, Locale locale) {
        String text = translate(key, locale);
        return text != null && !text.equals("!" + key + "!");
    }

    /**
     * The languages the platform offers, default first.
     *
     * @return the supported locales
     */
    List<Locale> supportedLocales();
}
