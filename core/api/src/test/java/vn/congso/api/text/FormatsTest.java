package vn.congso.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void aVietnamesePageWritesTheDecimalCommaAndANoBreakSpaceBeforeThePercentSign() {
        assertEquals("95,8\u00A0%", Formats.percent(95.75, VI));
        assertEquals("70\u00A0%", Formats.percent(70, VI));
        assertEquals("1234,5\u00A0%", Formats.percent(1234.5, VI));
    }

    @Test
    void anEnglishPageWritesTheDecimalPointAndNoSpace() {
        assertEquals("95.8%", Formats.percent(95.75, Locale.ENGLISH));
        assertEquals("70%", Formats.percent(70, Locale.ENGLISH));
    }

    @Test
    void datesAndTimesHaveOneFormatPerLanguageInTheDistrictsZone() {
        // 21:42 UTC on 4 December is 04:42 on 5 December in Vietnam.
        Instant at = Instant.parse("2026-12-04T21:42:10Z");
        assertEquals("05/12/2026 04:42", Formats.dateTime(at, VI));
        assertEquals("2026-12-05 04:42", Formats.dateTime(at, Locale.ENGLISH));
        assertEquals("05/12/2026", Formats.date(at, VI));
        assertEquals("2026-12-05", Formats.date(LocalDate.of(2026, 12, 5), Locale.ENGLISH));
        assertEquals("05/12/2026 04:42:10", Formats.dateTimeSeconds(at, VI));
        assertEquals("", Formats.dateTime(null, VI));
    }
}
