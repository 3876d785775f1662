package vn.congso.services.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.ServicesFixture;
import vn.congso.services.internal.ServicesPermissions;

/** Entering a proposed year: all or nothing, never over an entered year, only with the permission, audited. */
class CalendarYearEntryTest {

    @TempDir
    Path dir;

    ServicesFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new ServicesFixture(dir);
        f.become("admin", ServicesPermissions.CALENDAR);
    }

    @Test
    void aConfirmedProposalCoversTheYearAndCountsDueDates() {
        assertThrows(CalendarGapException.class, () -> f.calendars.calendar().isWorkingDay(LocalDate.of(2030, 2, 4)));
        List<CalendarService.Entry> proposal = new HolidayRules().propose(2030);
        f.calendars.enterYear(2030, proposal);
        WorkingCalendar calendar = f.calendars.calendar();
        assertTrue(calendar.years().contains(2030));
        // Tết Canh Tuất: Saturday 2 February 2030; Friday 1 February to Tuesday 5 February off, 6 and 7 in compensation.
        for (int day : new int[] {1, 4, 5, 6, 7}) {
            assertFalse(calendar.isWorkingDay(LocalDate.of(2030, 2, day)), "February " + day);
        }
        assertTrue(calendar.isWorkingDay(LocalDate.of(2030, 2, 8)));
        assertEquals(LocalDate.of(2030, 2, 8), calendar.dueDate(java.time.LocalDateTime.of(2030, 1, 31, 9, 0), 1));
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.calendar.year 2030 SUCCESS")), f.audit.toString());
    }

    @Test
    void oneBadEntrySavesNothing() {
        List<CalendarService.Entry> proposal = new ArrayList<>(new HolidayRules().propose(2031));
        // A Saturday marked as a holiday: the table only holds weekday days off.
        proposal.add(new CalendarService.Entry(LocalDate.of(2031, 3, 1), DayKind.HOLIDAY, "Sai"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.calendars.enterYear(2031, proposal));
        assertEquals("services.calendar.error.weekend-off", e.getMessage());
        assertFalse(f.calendars.calendar().years().contains(2031));
        assertTrue(f.calendars.entries().stream().noneMatch(x -> x.day().getYear() == 2031));
    }

    @Test
    void refusesAnEnteredYearAnotherYearsDayAndTwiceTheSameDay() {
        int before = f.calendars.entries().size();
        IllegalArgumentException entered = assertThrows(IllegalArgumentException.class,
                () -> f.calendars.enterYear(2026, new HolidayRules().propose(2026)));
        assertEquals("services.calendar.error.year-entered", entered.getMessage());
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.calendar.year 2026 DENIED")), f.audit.toString());
        CalendarService.Entry monday = new CalendarService.Entry(LocalDate.of(2032, 3, 1), DayKind.COMPENSATORY, "Nghỉ");
        assertEquals("services.calendar.error.other-year", assertThrows(IllegalArgumentException.class,
                () -> f.calendars.enterYear(2033, List.of(monday))).getMessage());
        assertEquals("services.calendar.error.twice", assertThrows(IllegalArgumentException.class,
                () -> f.calendars.enterYear(2032, List.of(monday, monday))).getMessage());
        assertEquals(before, f.calendars.entries().size());
    }

    @Test
    void needsThePermission() {
        f.become("officer", ServicesPermissions.PROCESS);
        assertThrows(AccessDeniedException.class, () -> f.calendars.enterYear(2030, new HolidayRules().propose(2030)));
        f.become("admin", ServicesPermissions.CALENDAR);
        assertFalse(f.calendars.calendar().years().contains(2030));
    }
}
