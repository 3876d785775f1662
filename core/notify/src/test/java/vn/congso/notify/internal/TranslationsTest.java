package vn.congso.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text key the bundle's code names exists in Vietnamese and English, the two files have
 * the same keys, and a Vietnamese text is not the English one.
 */
class TranslationsTest {

    private static final Pattern KEY = Pattern.compile("\"((?:notify|audit\\.action\\.notify)\\.[a-z0-9.-]+[a-z0-9])\"");

    @Test
    void everyKeyIsTranslatedInBothLanguages() throws IOException {
        Properties vi = load("OSGI-INF/l10n/notify.properties");
        Properties en = load("OSGI-INF/l10n/notify_en.properties");
        assertEquals(vi.stringPropertyNames(), en.stringPropertyNames());
        for (String key : vi.stringPropertyNames()) {
            if (!key.startsWith("notify.column.id")) {
                assertTrue(!vi.getProperty(key).equals(en.getProperty(key)), "same text in both languages: " + key);
            }
        }
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.remove("notify.state."); // completed with the state's name
        for (String key : used) {
            if (key.startsWith("notify.message.") || key.startsWith("notify.outbox.")) {
                assertNotNull(vi.getProperty("audit.action." + key), "no audit text for the action " + key);
                continue; // an audit action, shown through audit.action.<action>
            }
            assertNotNull(vi.getProperty(key), "no Vietnamese text for " + key);
        }
        for (String state : new String[] {"queued", "sent", "held"}) {
            assertNotNull(vi.getProperty("notify.state." + state));
        }
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
