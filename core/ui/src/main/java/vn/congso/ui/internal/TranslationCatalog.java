package vn.congso.ui.internal;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merged translations of every bundle that carries {@code OSGI-INF/l10n} files. Each
 * bundle's texts are kept apart so that they vanish with the bundle; lookups go through a
 * merged snapshot that is rebuilt whenever a bundle comes or goes. When two bundles define
 * the same key, the bundle that was installed first (lowest bundle id) wins, so a plugin
 * cannot silently rewrite the core's words.
 */
public final class TranslationCatalog {

    /** The language used when a key has no text in the requested language. */
    public static final String DEFAULT_LANGUAGE = "vi";

    private final Logger log = LoggerFactory.getLogger(TranslationCatalog.class);
    private final Map<Long, Map<String, Map<String, String>>> byBundle = new ConcurrentHashMap<>();
    private volatile Map<String, Map<String, String>> merged = Map.of();
    private final Set<String> malformedReported = ConcurrentHashMap.newKeySet();

    /**
     * Adds or replaces one bundle's texts.
     *
     * @param bundleId the owning bundle
     * @param textsByLanguage language code (such as {@code "vi"}, {@code "en"}) to key → text
     */
    public synchronized void put(long bundleId, Map<String, Map<String, String>> textsByLanguage) {
        byBundle.put(bundleId, copy(textsByLanguage));
        rebuild();
    }

    /**
     * Removes one bundle's texts.
     *
     * @param bundleId the owning bundle
     */
    public synchronized void remove(long bundleId) {
        if (byBundle.remove(bundleId) != null) {
            rebuild();
        }
    }

    /**
     * Translates a key: the requested language, then Vietnamese, then {@code !key!}.
     *
     * @param key the key
     * @param locale the requested language; null means Vietnamese
     * @param params {@link MessageFormat} arguments; when empty the text is returned as is, and a
     *     text that is not a valid pattern still gets its {@code {n}} placeholders filled (see
     *     {@link SafeMessageFormat}) rather than failing
     * @return the text
     */
    public String translate(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Map<String, Map<String, String>> snapshot = merged;
        String language = locale == null ? DEFAULT_LANGUAGE : locale.getLanguage();
        String text = lookup(snapshot, language, key);
        if (text == null && !DEFAULT_LANGUAGE.equals(language)) {
            text = lookup(snapshot, DEFAULT_LANGUAGE, key);
        }
        if (text == null) {
            return "!" + key + "!";
        }
        if (params == null || params.length == 0) {
            return text;
        }
        if (!SafeMessageFormat.parses(text) && malformedReported.add(key)) {
            log.warn("Translation {} is not a valid MessageFormat pattern; its placeholders are filled one by one", key);
        }
        return SafeMessageFormat.format(text, locale == null ? Locale.forLanguageTag(DEFAULT_LANGUAGE) : locale, params);
    }

    /**
     * Whether any bundle defines the key in the given language.
     *
     * @param key the key
     * @param language a language code
     * @return {@code true} if the key has a text in that language
     */
    public boolean has(String key, String language) {
        return lookup(merged, language, key) != null;
    }

    private static String lookup(Map<String, Map<String, String>> snapshot, String language, String key) {
        Map<String, String> texts = snapshot.get(language);
        return texts == null ? null : texts.get(key);
    }

    private void rebuild() {
        Map<String, Map<String, String>> next = new HashMap<>();
        // Lowest bundle id first, and putIfAbsent: the earliest bundle keeps a contested key.
        for (Map.Entry<Long, Map<String, Map<String, String>>> bundle : new TreeMap<>(byBundle).entrySet()) {
            for (Map.Entry<String, Map<String, String>> language : bundle.getValue().entrySet()) {
                Map<String, String> target = next.computeIfAbsent(language.getKey(), l -> new HashMap<>());
                language.getValue().forEach((key, text) -> {
                    String previous = target.putIfAbsent(key, text);
                    if (previous != null && !previous.equals(text)) {
                        log.warn("Translation key {} ({}) of bundle {} is already defined by an earlier bundle; "
                                + "the earlier text is kept", key, language.getKey(), bundle.getKey());
                    }
                });
            }
        }
        next.replaceAll((language, texts) -> Map.copyOf(texts));
        merged = Map.copyOf(next);
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> source) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        source.forEach((language, texts) -> result.put(language, Map.copyOf(texts)));
        return result;
    }

    /**
     * Splits an {@code OSGI-INF/l10n} file name into its language: {@code foo.properties} is
     * Vietnamese, {@code foo_en.properties} English, {@code foo_vi.properties} Vietnamese.
     *
     * @param fileName a file name ending in {@code .properties}
     * @return the language code
     */
    public static String languageOf(String fileName) {
        String base = fileName.endsWith(".properties")
                ? fileName.substring(0, fileName.length() - ".properties".length())
                : fileName;
        int underscore = base.indexOf('_');
        if (underscore < 0) {
            return DEFAULT_LANGUAGE;
        }
        String suffix = base.substring(underscore + 1);
        Locale locale = Locale.forLanguageTag(suffix.replace('_', '-'));
        String language = locale.getLanguage();
        return language.isEmpty() || !List.of(Locale.getISOLanguages()).contains(language)
                ? DEFAULT_LANGUAGE
                : language;
    }
}
