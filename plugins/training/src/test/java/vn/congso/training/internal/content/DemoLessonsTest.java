package vn.congso.training.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo course's lessons are listed in order, exist, and render to real content. */
class DemoLessonsTest {

    private static String resource(String path) throws IOException {
        try (InputStream in = DemoLessonsTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyListedLessonRendersWithATitleAndSeveralHundredWords() throws IOException {
        List<String> lessons = resource("/demo/lessons/lessons.txt").lines().filter(l -> !l.isBlank()).toList();
        assertEquals(5, lessons.size());
        SafeMarkdown markdown = new SafeMarkdown();
        for (String lesson : lessons) {
            String source = resource("/demo/lessons/" + lesson);
            String html = markdown.toHtml(source);
            assertTrue(html.startsWith("<h1>Bài "), lesson + ": " + html.substring(0, 40));
            assertTrue(html.contains("<h2>"), lesson);
            assertTrue(source.split("\\s+").length >= 300, lesson + " is too short");
        }
        assertTrue(markdown.toHtml(resource("/demo/lessons/" + lessons.get(1))).contains("<td>30–35 mm</td>"));
    }
}
