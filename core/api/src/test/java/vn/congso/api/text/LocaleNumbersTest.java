package vn.congso.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocaleNumbersTest {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Locale EN = Locale.ENGLISH;

    private static Locale locale(String language) {
        return "en".equals(language) ? EN : VI;
    }

    @ParameterizedTest(name = "{0}: ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {
        // the issue: a Vietnamese decimal comma is a decimal, never a thousands mark
        "vi | 99,37        | 99.37",
        "vi | 99.37        | 99.37",
        "vi | 3.5          | 3.5",
        "vi | 0,5          | 0.5",
        "vi | ,5           | 0.5",
        "vi | 42           | 42",
        "vi | -2,5         | -2.5",
        "vi | −2,5         | -2.5",
        "vi | +7           | 7",
        "vi | 1.234,5      | 1234.5",
        "vi | 1.234.567    | 1234567",
        "vi | 1.234.567,25 | 1234567.25",
        "vi | 1 234,5      | 1234.5",
        "vi | 1\u00a0234,5 | 1234.5",
        "vi | 1\u202f234   | 1234",
        "vi | 0.001        | 0.001",
        "vi | 1234.567     | 1234.567",
        "vi | 1,234        | 1.234",
        "vi | '  12,50  '  | 12.50",
        "en | 99.37        | 99.37",
        "en | 99,37        | 99.37",
        "en | 1,234.5      | 1234.5",
        "en | 1,234,567    | 1234567",
        "en | 1 234.5      | 1234.5",
        "en | -0.25        | -0.25",
        "en | 1.234        | 1.234",
    })
    void readsWhatThePersonMeant(String language, String text, String expected) {
        assertEquals(new BigDecimal(expected), LocaleNumbers.parse(text, locale(language)));
    }

    @ParameterizedTest(name = "{0}: ''{1}'' is refused as {2}")
    @CsvSource(delimiter = '|', value = {
        "vi | 9,9,9     | UNREADABLE",
        "vi | 1e5       | UNREADABLE",
        "vi | abc       | UNREADABLE",
        "vi | 12a       | UNREADABLE",
        "vi | 1,2.3     | UNREADABLE",
        "vi | 1.23.456  | UNREADABLE",
        "vi | 12.34,5   | UNREADABLE",
        "vi | 1234.567.8| UNREADABLE",
        "vi | 1 234.5   | UNREADABLE",
        "vi | 5,        | UNREADABLE",
        "vi | 5.        | UNREADABLE",
        "vi | -         | UNREADABLE",
        "vi | --5       | UNREADABLE",
        "vi | 5-        | UNREADABLE",
        "vi | ,         | UNREADABLE",
        "vi | 0x10      | UNREADABLE",
        "vi | 1.234     | AMBIGUOUS",
        "vi | 12.500    | AMBIGUOUS",
        "en | 1,234     | AMBIGUOUS",
        "en | 9.9.9     | UNREADABLE",
        "en | 9,9,9     | UNREADABLE",
        "en | 1.234,5   | UNREADABLE",
        "en | NaN       | UNREADABLE",
        "en | Infinity  | UNREADABLE",
    })
    void refusesWhatItWouldHaveToGuess(String language, String text, UnreadableNumberException.Reason reason) {
        UnreadableNumberException refused = assertThrows(UnreadableNumberException.class,
                () -> LocaleNumbers.parse(text, locale(language)));
        assertEquals(reason, refused.reason());
        assertEquals(text, refused.text());
    }

    @Test
    void blankIsNoNumber() {
        assertNull(LocaleNumbers.parse(null, VI));
        assertNull(LocaleNumbers.parse("", VI));
        assertNull(LocaleNumbers.parse(" \u00a0 ", EN));
    }

    @Test
    void wholeNumbersRefuseFractions() {
        assertEquals(30, LocaleNumbers.parseWhole("30", VI));
        assertEquals(1500, LocaleNumbers.parseWhole("1.500.000", VI) / 1000);
        assertEquals(2, LocaleNumbers.parseWhole("2,0", VI));
        assertEquals(UnreadableNumberException.Reason.NOT_WHOLE,
                assertThrows(UnreadableNumberException.class, () -> LocaleNumbers.parseWhole("2,5", VI)).reason());
        assertEquals(UnreadableNumberException.Reason.UNREADABLE,
                assertThrows(UnreadableNumberException.class,
                        () -> LocaleNumbers.parseWhole("99999999999", VI)).reason());
        assertEquals("number.not-whole",
                assertThrows(UnreadableNumberException.class, () -> LocaleNumbers.parseWhole("0.5", EN)).messageKey());
    }

    @ParameterizedTest(name = "{0}: {1} is shown as ''{2}''")
    @CsvSource(delimiter = '|', value = {
        "vi | 99.37     | 99,37",
        "vi | 1234.5    | 1234,5",
        "vi | 1234      | 1234",
        "vi | -0.25     | -0,25",
        "vi | 70.0      | 70",
        "en | 99.37     | 99.37",
        "en | 1234567.5 | 1234567.5",
    })
    void writesWhatItReadsBack(String language, double value, String shown) {
        assertEquals(shown, LocaleNumbers.format(value, locale(language)));
        assertEquals(0, BigDecimal.valueOf(value).compareTo(LocaleNumbers.parse(shown, locale(language))),
                "what is shown reads back as the same number");
    }

    @Test
    void nothingIsShownForNoNumber() {
        assertEquals("", LocaleNumbers.format(null, VI));
        assertEquals("", LocaleNumbers.format(Double.NaN, VI));
        assertEquals("12", LocaleNumbers.format(12, EN));
    }
}
