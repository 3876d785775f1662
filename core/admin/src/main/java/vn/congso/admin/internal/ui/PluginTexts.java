package vn.congso.admin.internal.ui;

import java.util.Dictionary;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * How the plugins screen names a plugin for people: the {@code Bundle-Name} and
 * {@code Bundle-Description} the plugin translates through its {@code Bundle-Localization}
 * (headers such as {@code Bundle-Name: %bundle.name}, which {@link Bundle#getHeaders(String)}
 * resolves in the reader's language), a Maven-style "CongSo :: Plugins :: Notices" cut to its
 * last part when a bundle translates nothing, and a version written "0.1.0 (snapshot)" rather
 * than "0.1.0.SNAPSHOT".
 */
final class PluginTexts {

    private PluginTexts() {
    }

    /**
     * The plugin's name and description in a language.
     *
     * @param name the plugin's name to show
     * @param description its description, empty when it has none
     */
    record Names(String name, String description) {
    }

    /**
     * Reads a bundle's translated headers.
     *
     * @param bundleId the plugin's bundle
     * @param fallbackName the name to use when the bundle is gone or has none
     * @param locale the reader's language
     * @return the names to show
     */
    static Names of(long bundleId, String fallbackName, Locale locale) {
        Bundle self = FrameworkUtil.getBundle(PluginTexts.class);
        Bundle bundle = self == null || self.getBundleContext() == null ? null
                : self.getBundleContext().getBundle(bundleId);
        if (bundle == null) {
            return new Names(readable(fallbackName), "");
        }
        Dictionary<String, String> headers = bundle.getHeaders(locale.getLanguage());
        String name = header(headers, Constants.BUNDLE_NAME).orElse(fallbackName);
        String description = header(headers, Constants.BUNDLE_DESCRIPTION).orElse("");
        return new Names(readable(name), description);
    }

    /** A header's value, unless missing, blank or an untranslated {@code %key}. */
    private static Optional<String> header(Dictionary<String, String> headers, String name) {
        String value = headers.get(name);
        return value == null || value.isBlank() || value.startsWith("%") ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * A Maven-style name ("CongSo :: Plugins :: Notices") cut to its last part ("Notices").
     *
     * @param name a Bundle-Name
     * @return the part people read
     */
    static String readable(String name) {
        if (name == null) {
            return "";
        }
        int last = name.lastIndexOf("::");
        return last < 0 ? name.strip() : name.substring(last + 2).strip();
    }

    /**
     * An OSGi version as people read it: "0.1.0", "0.1.0 (bản thử nghiệm)" for a snapshot,
     * "1.2.0 (rc1)" for another qualifier.
     *
     * @param version the bundle's version
     * @param t translates a key with arguments ({@code plugins.version.snapshot} with the base version)
     * @return the readable version
     */
    static String version(String version, BiFunction<String, Object[], String> t) {
        Version parsed;
        try {
            parsed = Version.parseVersion(version);
        } catch (IllegalArgumentException notOsgi) {
            return version;
        }
        String base = parsed.getMajor() + "." + parsed.getMinor() + "." + parsed.getMicro();
        String qualifier = parsed.getQualifier();
        if (qualifier.isEmpty()) {
            return base;
        }
        if (qualifier.toUpperCase(Locale.ROOT).startsWith("SNAPSHOT")) {
            return t.apply("plugins.version.snapshot", new Object[] {base});
        }
        return base + " (" + qualifier + ")";
    }
}
