package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;

/** The dashboard indicators on a real Derby: meetings held, readiness on time with its fraction, by unit. */
class IndicatorsTest {

    @TempDir
    Path folder;

    @Test
    void countsHeldMeetingsAndReadinessInTime() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long hub = f.pointIds.get(0);
        long commune1 = f.pointIds.get(1);
        LocalDateTime monday = LocalDateTime.of(2026, 12, 7, 7, 30);
        long meeting = f.service.book(BookingTest.single("Giao ban", Set.of(hub, commune1), hub, monday,
                monday.plusHours(1))).meetingId();
        long cancelled = f.service.book(BookingTest.single("Họp bị hủy", Set.of(hub), hub, monday.plusHours(3),
                monday.plusHours(4))).meetingId();
        f.service.cancel(f.service.meetingEntries(cancelled).get(0).occurrenceId(), ConferenceService.Scope.ALL);
        long occurrence = f.service.meetingEntries(meeting).get(0).occurrenceId();
        ConferenceService.Checklist all = new ConferenceService.Checklist(true, true, true, true, true);
        f.service.confirmReadiness(occurrence, hub, all);
        // The commune confirms only 10 minutes before: after the 15-minute alert, so not in time.
        f.clock.set(Instant.parse("2026-12-07T00:20:00Z"));
        f.service.confirmReadiness(occurrence, commune1, all);

        ConferenceIndicators.Figures figures = new ConferenceIndicators.Figures(f.database, f.clock);
        Indicator held = new ConferenceIndicators.MeetingsHeld(figures);
        Indicator ready = new ConferenceIndicators.ReadinessOnTime(figures, f.service);
        Period december = Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 12, 1));

        assertEquals(0.0, held.compute(december, Indicator.ALL_UNITS).value().getAsDouble(), "not held yet");
        f.clock.set(Instant.parse("2026-12-08T00:00:00Z"));
        assertEquals(1.0, held.compute(december, Indicator.ALL_UNITS).value().getAsDouble());
        assertEquals(1.0, held.compute(december, "xa-1").value().getAsDouble());
        assertEquals(0.0, held.compute(december, "xa-2").value().getAsDouble());
        IndicatorValue rate = ready.compute(december, Indicator.ALL_UNITS);
        assertEquals(new IndicatorValue.Fraction(1, 2), rate.fraction().orElseThrow());
        assertEquals(50.0, rate.value().getAsDouble());
        assertEquals(new IndicatorValue.Fraction(0, 1), ready.compute(december, "xa-1").fraction().orElseThrow());
        assertEquals(0.0, held.compute(Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 11, 1)),
                Indicator.ALL_UNITS).value().getAsDouble());
    }
}
