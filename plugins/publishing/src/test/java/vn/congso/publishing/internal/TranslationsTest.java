package vn.congso.publishing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text exists in Vietnamese (the default) and in English, and none is empty. */
class TranslationsTest {

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        Properties vi = load("/OSGI-INF/l10n/publishing-ui.properties");
        Properties en = load("/OSGI-INF/l10n/publishing-ui_en.properties");
        assertEquals(vi.stringPropertyNames(), en.stringPropertyNames());
        for (String key : vi.stringPropertyNames()) {
            assertTrue(!vi.getProperty(key).isBlank() && !en.getProperty(key).isBlank(), key);
        }
        for (String key : new String[] {"publishing.permission.view", "publishing.permission.edit", "publishing.role.editor",
                "publishing.indicator.published", "publishing.error.conflict"}) {
            assertTrue(vi.containsKey(key), key);
        }
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = TranslationsTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
