package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** A plugin not installed yet describes itself, in the reader's language, from its own jar. */
class BundleTextsTest {

    private static byte[] jar(String description, String localization, Map<String, String> files) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "notices");
        if (description != null) {
            manifest.getMainAttributes().putValue("Bundle-Description", description);
        }
        if (localization != null) {
            manifest.getMainAttributes().putValue("Bundle-Localization", localization);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("notices/Notices.class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            for (Map.Entry<String, String> f : files.entrySet()) {
                jar.putNextEntry(new JarEntry(f.getKey()));
                jar.write(f.getValue().getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out.toByteArray();
    }

    @Test
    void theDescriptionIsReadInEachLanguageItsJarTranslates() throws IOException {
        byte[] jar = jar("%bundle.description", "OSGI-INF/bundle/bundle", Map.of(
                "OSGI-INF/bundle/bundle.properties", "bundle.description=Th\\u00f4ng b\\u00e1o c\\u1ee7a x\\u00e3\n",
                "OSGI-INF/bundle/bundle_en.properties", "bundle.description=The commune's notices\n",
                "OSGI-INF/bundle/bundle_en_GB.properties", "bundle.description=ignored\n",
                "OSGI-INF/other.properties", "bundle.description=not the localization\n"));
        Map<String, String> texts = BundleTexts.descriptions(new ByteArrayInputStream(jar));
        assertEquals(Map.of("", "Thông báo của xã", "en", "The commune's notices"), texts);
        AvailableFeature feature = new AvailableFeature("notices", "1.0.0", "Notices (repository text)", "mvn:x", texts);
        assertEquals("Thông báo của xã", feature.description(Locale.forLanguageTag("vi")));
        assertEquals("The commune's notices", feature.description(Locale.ENGLISH));
    }

    @Test
    void withoutTranslationsTheRepositorysTextOrTheHeaderIsShown() throws IOException {
        assertEquals(Map.of(), BundleTexts.descriptions(new ByteArrayInputStream(jar(null, null, Map.of()))));
        AvailableFeature bare = new AvailableFeature("notices", "1.0.0", "Notices (repository text)", "mvn:x", Map.of());
        assertEquals("Notices (repository text)", bare.description(Locale.forLanguageTag("vi")));
        // An untranslated header is the plugin's own text; the default localization file is read otherwise.
        assertEquals(Map.of("", "Plain description"),
                BundleTexts.descriptions(new ByteArrayInputStream(jar("Plain description", null, Map.of()))));
        assertEquals(Map.of("", "Mô tả"), BundleTexts.descriptions(new ByteArrayInputStream(jar("%d", null,
                Map.of("OSGI-INF/l10n/bundle.properties", "d=M\\u00f4 t\\u1ea3\n")))));
    }
}
