package vn.congso.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.PlatformHeaders;

/**
 * Follows code-less theme bundles (manifest header {@link PlatformHeaders#THEME}). The active
 * theme is the configured one when installed, otherwise the first installed by name, so the
 * portal never loses its styling because of a typo in the configuration.
 */
final class Themes extends BundleTracker<Themes.Theme> {

    /**
     * One installed theme.
     *
     * @param name theme name from the manifest header
     * @param bundle the theme bundle
     * @param properties its {@code theme.properties}
     */
    record Theme(String name, Bundle bundle, Properties properties) {

        /**
         * A text from {@code theme.properties} in the user's language ({@code key.en}),
         * falling back to the Vietnamese {@code key}.
         */
        String text(String key, Locale locale) {
            if (locale != null && !"vi".equals(locale.getLanguage())) {
                String localized = properties.getProperty(key + "." + locale.getLanguage());
                if (localized != null) {
                    return localized;
                }
            }
            return properties.getProperty(key, "");
        }

        /** A version token that changes whenever the theme bundle is updated. */
        long version() {
            return bundle.getLastModified();
        }

        /** The file path of the logo inside the theme. */
        String logo() {
            return properties.getProperty("logo", "logo.svg");
        }
    }

    private final Logger log = LoggerFactory.getLogger(Themes.class);
    private final Map<String, Theme> installed = new ConcurrentHashMap<>();
    private volatile String configured = UiConfig.DEFAULTS.theme();

    Themes(BundleContext context) {
        super(context, Bundle.STARTING | Bundle.ACTIVE, null);
    }

    void configure(String themeName) {
        this.configured = themeName;
    }

    @Override
    public Theme addingBundle(Bundle bundle, BundleEvent event) {
        String name = bundle.getHeaders("").get(PlatformHeaders.THEME);
        if (name == null || name.isBlank()) {
            return null;
        }
        name = name.trim();
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            log.warn("Theme bundle {} has an invalid theme name '{}'; use lowercase letters, digits and '-'",
                    bundle.getSymbolicName(), name);
            return null;
        }
        Properties properties = new Properties();
        URL file = bundle.getEntry(PlatformHeaders.THEME_PATH + "/theme.properties");
        if (file != null) {
            try (InputStream in = file.openStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                log.warn("Cannot read theme.properties of {}: {}", bundle.getSymbolicName(), e.toString());
            }
        }
        Theme theme = new Theme(name, bundle, properties);
        installed.put(name, theme);
        log.info("Theme '{}' available from bundle {}", name, bundle.getSymbolicName());
        return theme;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Theme theme) {
        // An update goes through removed/adding; nothing to do for other state changes.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Theme theme) {
        installed.remove(theme.name(), theme);
        log.info("Theme '{}' removed", theme.name());
    }

    /** The theme pages are styled with now, if any theme is installed. */
    Optional<Theme> active() {
        Theme wanted = installed.get(configured);
        if (wanted != null) {
            return Optional.of(wanted);
        }
        return installed.values().stream().min(Comparator.comparing(Theme::name));
    }

    /** An installed theme by name. */
    Optional<Theme> byName(String name) {
        return Optional.ofNullable(installed.get(name));
    }

    /** A file of an installed theme, for {@link BundleFileServlet}. */
    Optional<BundleFileServlet.BundleFile> file(String name, String path) {
        return byName(name).flatMap(theme -> Optional.ofNullable(theme.bundle().getEntry(PlatformHeaders.THEME_PATH + "/" + path))
                .map(url -> new BundleFileServlet.BundleFile(url, theme.version())));
    }
}
