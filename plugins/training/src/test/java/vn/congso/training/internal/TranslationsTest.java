package vn.congso.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the code uses is translated into Vietnamese and English, and formats. */
public class TranslationsTest {

    /** The translation file pairs of this bundle: the domain's, the services' and the screens'. */
    public static final List<String> FILES = List.of("training", "training-services", "training-ui", "training-platform",
            "training-audit", "training-empty", "training-indicators", "training-certificate");

    private static final Pattern KEY = Pattern.compile("\"(training\\.[a-z0-9.-]+)\"");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/OSGI-INF/l10n/" + name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> keysUsedInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    // A key ending in a dot is a prefix completed at run time (an enum name).
                    if (!matcher.group(1).endsWith(".")) {
                        keys.add(matcher.group(1));
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyInTheCodeIsTranslatedInBothLanguages() throws IOException {
        Set<String> used = keysUsedInCode();
        assertTrue(used.size() > 30, "the scan found the keys: " + used);
        Properties vietnamese = new Properties();
        Properties english = new Properties();
        for (String name : FILES) {
            Properties vi = load(name + ".properties");
            Properties en = load(name + "_en.properties");
            assertEquals(vi.keySet(), en.keySet(), name + ": both languages have the same keys");
            vietnamese.putAll(vi);
            english.putAll(en);
        }
        for (String key : used) {
            assertTrue(vietnamese.containsKey(key), "Vietnamese lacks " + key);
            assertTrue(english.containsKey(key), "English lacks " + key);
        }
    }

    @Test
    void everyQuestionTypeHasAName() throws IOException {
        Properties vietnamese = load("training-services.properties");
        for (vn.congso.training.internal.question.QuestionType type
                : vn.congso.training.internal.question.QuestionType.values()) {
            String key = "training.question.type." + type.name().toLowerCase(Locale.ROOT).replace('_', '-');
            assertTrue(vietnamese.containsKey(key), key);
        }
    }

    @Test
    void messagesWithArgumentsFormat() throws IOException {
        for (String name : FILES) {
            for (String file : new String[] {name + ".properties", name + "_en.properties"}) {
                Properties messages = load(file);
                for (String key : messages.stringPropertyNames()) {
                    String text = messages.getProperty(key);
                    if (!text.contains("{0")) {
                        continue;
                    }
                    // A plain placeholder gets a word; a number or a plural choice ({n,…}) gets a
                    // number, formatted both as one and as many.
                    for (long n : new long[] {1, 7}) {
                        Object[] args = new Object[4];
                        for (int i = 0; i < args.length; i++) {
                            args[i] = text.contains("{" + i + ",") ? (Object) n : (Object) ("A" + i);
                        }
                        String formatted = new MessageFormat(text, Locale.ROOT).format(args);
                        assertTrue(formatted.contains(text.contains("{0}") ? "A0" : "1".equals(String.valueOf(n)) ? "" : "7"),
                                file + " " + key + ": " + formatted);
                    }
                }
            }
        }
    }
}
