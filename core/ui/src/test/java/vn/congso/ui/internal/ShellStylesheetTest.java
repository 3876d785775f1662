package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shell's stylesheet holds the layout and names every property a theme may set; the themes
 * in this repository set tokens only, and only tokens the shell knows (a misspelt one would
 * silently do nothing).
 */
class ShellStylesheetTest {

    private static final Path SHELL = Path.of("src/main/resources/shell/shell.css");
    private static final Path THEMES = Path.of("../../themes");
    private static final Pattern USED = Pattern.compile("var\\((--congso-[a-z0-9-]+)");
    private static final Pattern DECLARED = Pattern.compile("(?m)^\\s*(--[a-z0-9-]+)\\s*:");

    @Test
    void everyTokenTheShellUsesHasADefault() throws IOException {
        String css = read(SHELL);
        Set<String> declared = matches(DECLARED, rootBlock(css));
        Set<String> missing = new TreeSet<>(matches(USED, css));
        missing.removeAll(declared);
        assertEquals(Set.of(), missing, "tokens used by shell.css without a default in its :root");
    }

    @Test
    void themesAreTokensOnlyAndNameOnlyKnownTokens() throws IOException {
        Set<String> known = matches(DECLARED, rootBlock(read(SHELL)));
        List<Path> themes = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(THEMES)) {
            dirs.map(d -> d.resolve("src/main/resources/theme/styles.css")).filter(Files::isRegularFile)
                    .forEach(themes::add);
        }
        assertTrue(themes.size() >= 2, "no themes found under " + THEMES.toAbsolutePath());
        for (Path theme : themes) {
            String css = read(theme).replaceAll("(?s)/\\*.*?\\*/", "");
            // Blocks: html:root with custom properties, and ::selection colours. Nothing else.
            Matcher block = Pattern.compile("(?s)([^{}]+)\\{([^{}]*)\\}").matcher(css);
            while (block.find()) {
                String selector = block.group(1).trim();
                assertTrue(selector.equals("html:root") || selector.equals("::selection"),
                        theme + ": a theme sets tokens only, found rules for '" + selector + "'");
                if (selector.equals("html:root")) {
                    for (String line : block.group(2).split(";")) {
                        String declaration = line.trim();
                        if (declaration.isEmpty()) {
                            continue;
                        }
                        assertTrue(declaration.startsWith("--"), theme + ": not a token: " + declaration);
                        String name = declaration.substring(0, declaration.indexOf(':')).trim();
                        assertFalse(name.startsWith("--congso-") && !known.contains(name),
                                theme + ": the shell has no token " + name);
                    }
                }
            }
            assertTrue(Files.readAllLines(theme).size() <= 140, theme + " is longer than a token file needs");
        }
    }

    private static String rootBlock(String css) {
        Matcher root = Pattern.compile("(?s)\\n:root \\{(.*?)\\n}").matcher(css);
        assertTrue(root.find(), "shell.css has no :root block of token defaults");
        return root.group(1);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
