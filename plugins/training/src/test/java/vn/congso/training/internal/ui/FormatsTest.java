package vn.congso.training.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void theCountdownShowsMinutesAndSecondsBelowAnHourAndHoursAbove() {
        assertEquals("45:00", Formats.countdown(Duration.ofMinutes(45)));
        assertEquals("04:59", Formats.countdown(Duration.ofSeconds(299)));
        assertEquals("1:05:09", Formats.countdown(Duration.ofSeconds(3909)));
        assertEquals("1:00:00", Formats.countdown(Duration.ofSeconds(3600)));
    }

    @Test
    void theCountdownRoundsUpSoItNeverShowsZeroWhileTimeIsLeft() {
        assertEquals("00:01", Formats.countdown(Duration.ofMillis(1)));
        assertEquals("00:01", Formats.countdown(Duration.ofMillis(1000)));
        assertEquals("00:02", Formats.countdown(Duration.ofMillis(1001)));
        assertEquals("00:00", Formats.countdown(Duration.ZERO));
        assertEquals("00:00", Formats.countdown(Duration.ofSeconds(-5)));
    }

    @Test
    void percentagesFollowTheLanguage() {
        assertEquals("87,5\u00A0%", Formats.percent(87.5, Locale.forLanguageTag("vi")));
        assertEquals("87.5%", Formats.percent(87.5, Locale.ENGLISH));
        assertEquals("100\u00A0%", Formats.percent(100, Locale.forLanguageTag("vi")));
        assertEquals("33.3%", Formats.percent(100.0 / 3, Locale.ENGLISH));
    }
}
