package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.IndicatorValue.Fraction;
import vn.congso.api.indicators.Period;

/** The participation rate per point and period on a real Derby: present (late included) over expected, by point. */
class ParticipationIndicatorTest {

    @TempDir
    Path folder;

    @Test
    void presentOverExpectedPerPointMonthQuarterAndUnit() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        f.permissions = Set.of(ConferencePermissions.BOOKING_MANAGE, ConferencePermissions.ATTENDANCE_RECORD);
        long hub = f.pointIds.get(0);
        long commune1 = f.pointIds.get(1);
        long commune2 = f.pointIds.get(2);
        Set<Long> three = Set.of(hub, commune1, commune2);
        long november = occurrence(f, "Họp tháng 11", Set.of(hub, commune1), LocalDateTime.of(2026, 11, 16, 8, 0));
        long first = occurrence(f, "Giao ban 1", three, LocalDateTime.of(2026, 12, 7, 7, 30));
        long second = occurrence(f, "Giao ban 2", three, LocalDateTime.of(2026, 12, 9, 7, 30));
        occurrence(f, "Không ai điểm danh", three, LocalDateTime.of(2026, 12, 10, 7, 30));
        long cancelled = occurrence(f, "Họp bị hủy", three, LocalDateTime.of(2026, 12, 11, 7, 30));
        f.service.cancel(cancelled, ConferenceService.Scope.ALL);
        f.clock.set(Instant.parse("2026-12-20T00:00:00Z"));
        f.service.recordAttendance(november, List.of(new ConferenceService.AttendanceEntry(hub, true, 5),
                new ConferenceService.AttendanceEntry(commune1, true, 4)), "");
        // The first: the hub present, commune 1 ten minutes late (present), commune 2 absent.
        f.service.recordAttendance(first, List.of(new ConferenceService.AttendanceEntry(hub, true, 5, 0, ""),
                new ConferenceService.AttendanceEntry(commune1, true, 3, 10, "Mất điện"),
                new ConferenceService.AttendanceEntry(commune2, false, 0)), "");
        // The second: the hub present, commune 1 absent, commune 2 has no line (not present).
        f.service.recordAttendance(second, List.of(new ConferenceService.AttendanceEntry(hub, true, 5),
                new ConferenceService.AttendanceEntry(commune1, false, 0)), "");
        Indicator indicator = new ParticipationIndicator(f.database, f.clock);
        Period december = Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 12, 1));

        IndicatorValue all = indicator.compute(december, Indicator.ALL_UNITS);

        assertEquals(new Fraction(3, 6), all.fraction().orElseThrow(), "the unrecorded and the cancelled meetings are left out");
        assertEquals(50.0, all.value().getAsDouble());
        assertEquals(List.of("district", "xa-1", "xa-2"), all.breakdown().stream().map(IndicatorValue.Entry::key).toList());
        assertEquals(List.of(new Fraction(2, 2), new Fraction(1, 2), new Fraction(0, 2)),
                all.breakdown().stream().map(e -> e.fraction().orElseThrow()).toList());
        assertEquals("Xã số 1", all.breakdown().get(1).label());
        assertEquals(50.0, all.breakdown().get(1).value());
        assertEquals(new Fraction(1, 2), indicator.compute(december, "xa-1").fraction().orElseThrow());
        assertEquals(1, indicator.compute(december, "xa-1").breakdown().size());
        assertEquals(new Fraction(5, 8), indicator.compute(Period.containing(Period.Kind.QUARTER, LocalDate.of(2026, 12, 1)),
                Indicator.ALL_UNITS).fraction().orElseThrow());
        assertEquals(new Fraction(5, 8), indicator.compute(Period.year(2026), Indicator.ALL_UNITS).fraction().orElseThrow());
        assertTrue(indicator.compute(Period.year(2025), Indicator.ALL_UNITS).value().isEmpty(), "no data, not 0 %");
        assertTrue(indicator.isPublic());
    }

    private static long occurrence(ConferenceFixture f, String title, Set<Long> points, LocalDateTime start) {
        long meeting = f.service.book(BookingTest.single(title, points, f.pointIds.get(0), start, start.plusHours(1)))
                .meetingId();
        assertTrue(meeting > 0, title);
        return f.service.meetingEntries(meeting).get(0).occurrenceId();
    }
}
