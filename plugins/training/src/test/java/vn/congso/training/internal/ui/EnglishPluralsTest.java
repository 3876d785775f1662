package vn.congso.training.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** English counts read as English: "1 question is not answered", never "1 questions are". */
class EnglishPluralsTest {

    private static String en(String file, String key, Object... args) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EnglishPluralsTest.class.getResourceAsStream("/OSGI-INF/l10n/" + file);
                InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return new MessageFormat(p.getProperty(key), Locale.ENGLISH).format(args);
    }

    @Test
    void oneAndManyReadDifferently() throws IOException {
        String ui = "training-ui_en.properties";
        assertEquals("1 question is not answered: 3.", en(ui, "training.ui.attempt.unanswered-list", 1, "3"));
        assertEquals("4 questions are not answered: 1, 2, 5, 9.",
                en(ui, "training.ui.attempt.unanswered-list", 4, "1, 2, 5, 9"));
        assertEquals("1 lesson", en(ui, "training.ui.course.lesson-count", 1));
        assertEquals("5 lessons", en(ui, "training.ui.course.lesson-count", 5));
        assertEquals("1 of 1 lesson studied", en(ui, "training.ui.course.lessons-viewed", 1, 1));
        assertEquals("2 of 3 attempts left", en(ui, "training.ui.exam.attempts-left", 2, 3));
        assertEquals("The file has 1 error; correct it and upload the file again.",
                en(ui, "training.ui.import.rejected", 1));
        assertEquals("Imported 1 question (no new categories).", en(ui, "training.ui.import.done", 1, 0));
        assertEquals("1,250 questions", en(ui, "training.ui.exam.question-count", 1250));
        assertEquals("You have used your only attempt.",
                en("training_en.properties", "training.attempt.no-attempts-left", 1));
        assertEquals("The category \"Excel\" holds only one question, fewer than the 3 requested.",
                en("training_en.properties", "training.draw.not-enough", "Excel", 3, 1));
    }
}
