package vn.congso.conference.internal;

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

/** Every text exists in Vietnamese and English, and every key the code names exists. */
class TranslationsTest {

    @Test
    void vietnameseAndEnglishHaveTheSameKeysAndTheCodeFindsThem() throws IOException {
        Properties vi = load("/OSGI-INF/l10n/conference.properties");
        Properties en = load("/OSGI-INF/l10n/conference_en.properties");
        assertEquals(vi.stringPropertyNames(), en.stringPropertyNames());
        for (String key : vi.stringPropertyNames()) {
            assertTrue(!vi.getProperty(key).isBlank() && !en.getProperty(key).isBlank(), key);
        }
        Set<String> named = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(conference\\.[a-z0-9.-]+[a-z0-9])\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        // Audit action names are identifiers, not texts.
        named.removeIf(k -> k.matches("conference\\.(point\\.save|blackout\\.add|meeting\\.(book|cancel|import)|occurrence\\.move"
                + "|feed\\.(create|revoke)|readiness\\.confirm|demo|meetings-held|readiness-on-time|participation-rate|attendance\\.record|meeting\\.update|group\\.(save|delete)"
                + "|document\\.(attach|list|view|download|remove)|decisions\\.(read|record))"));
        for (String key : named) {
            assertTrue(vi.containsKey(key), "missing text: " + key);
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
