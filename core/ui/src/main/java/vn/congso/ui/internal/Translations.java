package vn.congso.ui.internal;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.PlatformHeaders;
import vn.congso.api.TranslationService;

/**
 * Follows every bundle's {@code OSGI-INF/l10n} files and serves them to Vaadin (as its
 * {@link I18NProvider}) and to plugins (as {@link TranslationService}).
 */
final class Translations extends BundleTracker<Long> implements I18NProvider, TranslationService {

    private static final long serialVersionUID = 1L;
    private static final List<Locale> LOCALES = List.of(VIETNAMESE, ENGLISH);

    private final transient Logger log = LoggerFactory.getLogger(Translations.class);
    private final transient TranslationCatalog catalog = new TranslationCatalog();
    private final transient Runnable onChange;

    Translations(BundleContext context, Runnable onChange) {
        // STOPPING too: a stopping bundle's texts stay until its services (views) are gone.
        super(context, Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, null);
        this.onChange = onChange;
    }

    @Override
    public Long addingBundle(Bundle bundle, BundleEvent event) {
        Enumeration<URL> files = bundle.findEntries(PlatformHeaders.L10N_PATH, "*.properties", false);
        if (files == null || !files.hasMoreElements()) {
            return null;
        }
        Map<String, Map<String, String>> texts = new HashMap<>();
        while (files.hasMoreElements()) {
            URL file = files.nextElement();
            String name = file.getPath().substring(file.getPath().lastIndexOf('/') + 1);
            String language = TranslationCatalog.languageOf(name);
            Properties properties = new Properties();
            try (InputStream in = file.openStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("Cannot read translations {} of bundle {}: {}", name, bundle.getSymbolicName(), e.toString());
                continue;
            }
            Map<String, String> target = texts.computeIfAbsent(language, l -> new HashMap<>());
            properties.forEach((key, value) -> target.put(key.toString(), value.toString()));
        }
        catalog.put(bundle.getBundleId(), texts);
        onChange.run();
        return bundle.getBundleId();
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Long bundleId) {
        catalog.remove(bundleId);
        onChange.run();
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return catalog.translate(key, locale, params);
    }

    @Override
    public String translate(String key, Locale locale, Object... params) {
        return catalog.translate(key, locale, params);
    }

    /** Whether a key has a text in exactly that language (no fallback to Vietnamese). */
    boolean hasExactly(String key, String language) {
        return key != null && catalog.has(key, language);
    }

    @Override
    public boolean has(String key, Locale locale) {
        String language = locale == null ? TranslationCatalog.DEFAULT_LANGUAGE : locale.getLanguage();
        return key != null && (catalog.has(key, language) || catalog.has(key, TranslationCatalog.DEFAULT_LANGUAGE));
    }

    @Override
    public List<Locale> supportedLocales() {
        return LOCALES;
    }
}
