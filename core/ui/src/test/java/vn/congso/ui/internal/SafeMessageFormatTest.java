package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A translated text must never break the message it is part of (issue 12, point 7). */
class SafeMessageFormatTest {

    @Test
    void aTextWithBracesAndNoArgumentsIsPrintedAsWritten() {
        String text = "The question has no answers in braces { }; write \\{ for the character. Don't.";
        assertEquals(text, SafeMessageFormat.format(text, Locale.ENGLISH));
        assertEquals(text, SafeMessageFormat.format(text, Locale.ENGLISH, (Object[]) null));
    }

    @Test
    void aMalformedPatternWithArgumentsStillFillsItsPlaceholders() {
        String text = "Line {0}: a { stands inside the answers of \"{1}\" }";
        assertFalse(SafeMessageFormat.parses(text));
        assertEquals("Line 3: a { stands inside the answers of \"Câu {x}\" }",
                SafeMessageFormat.format(text, Locale.ENGLISH, 3, "Câu {x}"));
        assertEquals("{ } {7} {0", SafeMessageFormat.format("{ } {7} {0", Locale.ENGLISH, "a"));
    }

    @Test
    void aValidPatternIsFormattedAsMessageFormatDoesWithLocaleNumbers() {
        assertTrue(SafeMessageFormat.parses("{0} of {1} done"));
        assertEquals("1,234 of 2 done", SafeMessageFormat.format("{0} of {1} done", Locale.ENGLISH, 1234, 2));
        assertEquals("1.234 câu", SafeMessageFormat.format("{0} câu", Locale.forLanguageTag("vi"), 1234));
        // An argument's own braces are text, never a pattern.
        assertEquals("File {0}.gift", SafeMessageFormat.format("File {0}", Locale.ENGLISH, "{0}.gift"));
    }

    @Test
    void theCatalogNeverThrowsOnAMalformedTranslation() {
        TranslationCatalog catalog = new TranslationCatalog();
        catalog.put(1, Map.of("en", Map.of("gift.unclosed", "The answers lack their closing } after {0} {",
                "gift.braces", "Answers go in braces { }.")));
        assertEquals("The answers lack their closing } after line 4 {",
                catalog.translate("gift.unclosed", Locale.ENGLISH, "line 4"));
        assertEquals("Answers go in braces { }.", catalog.translate("gift.braces", Locale.ENGLISH));
        assertEquals("Answers go in braces { }.", catalog.translate("gift.braces", Locale.ENGLISH, 1));
    }
}
