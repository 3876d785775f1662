package vn.congso.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * A plugin's translated {@code Bundle-Description}, read from its jar before it is installed (a
 * feature offered by a repository): the header and its {@code Bundle-Localization} files, as the
 * framework would resolve them once the bundle is installed. Core names no plugin: every plugin
 * describes itself in its own jar.
 */
final class BundleTexts {

    /** The OSGi default of {@code Bundle-Localization}. */
    private static final String DEFAULT_LOCALIZATION = "OSGI-INF/l10n/bundle";
    /** Larger localization files are not read (a description is a line). */
    private static final long MAX_PROPERTIES_BYTES = 256 * 1024;

    private BundleTexts() {
    }

    /**
     * @param jar a bundle jar; read to its end at most, not closed
     * @return the description per language: {@code ""} for the default file ({@code bundle.properties},
     *         the plugin's default language), {@code "en"} for {@code bundle_en.properties}, …; the
     *         untranslated header under {@code ""} when it names no key; empty when the jar has none
     * @throws IOException when the jar cannot be read
     */
    static Map<String, String> descriptions(InputStream jar) throws IOException {
        Map<String, Properties> files = new HashMap<>();
        String header;
        String base;
        try (JarInputStream in = new JarInputStream(new NonClosing(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                return Map.of();
            }
            header = manifest.getMainAttributes().getValue("Bundle-Description");
            String localization = manifest.getMainAttributes().getValue("Bundle-Localization");
            base = localization == null || localization.isBlank() ? DEFAULT_LOCALIZATION : localization.strip();
            if (header == null || header.isBlank()) {
                return Map.of();
            }
            if (!header.startsWith("%")) {
                return Map.of("", header.strip());
            }
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(base) || !name.endsWith(".properties")) {
                    continue;
                }
                String suffix = name.substring(base.length(), name.length() - ".properties".length());
                if (!suffix.isEmpty() && !suffix.matches("_[a-z]{2,3}")) {
                    continue;
                }
                byte[] bytes = in.readNBytes((int) MAX_PROPERTIES_BYTES + 1);
                if (bytes.length > MAX_PROPERTIES_BYTES) {
                    continue;
                }
                Properties p = new Properties();
                // ISO-8859-1 with \\u escapes, as the framework reads localization files.
                p.load(new ByteArrayInputStream(bytes));
                files.put(suffix.isEmpty() ? "" : suffix.substring(1), p);
            }
        }
        String key = header.substring(1).strip();
        Map<String, String> out = new HashMap<>();
        files.forEach((language, p) -> {
            String value = p.getProperty(key);
            if (value != null && !value.isBlank()) {
                out.put(language, value.strip());
            }
        });
        return Map.copyOf(out);
    }

    /** Keeps the caller's stream open when the jar reader is closed. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller closes it
        }
    }
}
