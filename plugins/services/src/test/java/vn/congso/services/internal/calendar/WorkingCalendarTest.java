package vn.congso.services.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Due dates with the real days off of 2026 and 2027 (Tết, Hùng Kings, 30/4, 1/5, 2/9) as the changelog seeds them. */
class WorkingCalendarTest {

    static WorkingCalendar calendar(LocalTime cutOff) {
        Map<LocalDate, DayKind> days = new HashMap<>();
        for (String d : new String[] {"2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
            "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02", "2027-01-01", "2027-02-05", "2027-02-08",
            "2027-02-09", "2027-04-16", "2027-04-30", "2027-09-02", "2027-09-03"}) {
            days.put(LocalDate.parse(d), DayKind.HOLIDAY);
        }
        for (String d : new String[] {"2026-04-27", "2027-02-10", "2027-02-11", "2027-05-03"}) {
            days.put(LocalDate.parse(d), DayKind.COMPENSATORY);
        }
        // A yearly swap: Saturday 2026-01-10 worked (as a test of WORKDAY entries).
        days.put(LocalDate.parse("2026-01-10"), DayKind.WORKDAY);
        return new WorkingCalendar(days, Set.of(2026, 2027), cutOff);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        // Plain weeks
        "2026-03-02T09:00, 0, 2026-03-02",
        "2026-03-02T09:00, 1, 2026-03-03",
        "2026-03-02T09:00, 3, 2026-03-05",
        "2026-03-02T09:00, 5, 2026-03-09",
        "2026-03-06T10:00, 1, 2026-03-09",
        "2026-03-06T10:00, 10, 2026-03-20",
        // Received on a weekend: counts from Monday
        "2026-03-07T10:00, 0, 2026-03-09",
        "2026-03-08T10:00, 1, 2026-03-10",
        // Cut-off 17:00: at or after, from the next working day
        "2026-03-02T16:59, 1, 2026-03-03",
        "2026-03-02T17:00, 1, 2026-03-04",
        "2026-03-06T17:30, 0, 2026-03-09",
        "2026-03-06T17:30, 2, 2026-03-11",
        // New Year 2026 (Thursday 1/1), the worked Saturday 10/1
        "2026-01-01T09:00, 1, 2026-01-05",
        "2026-01-01T09:00, 0, 2026-01-02",
        "2026-01-09T09:00, 1, 2026-01-10",
        "2026-01-09T09:00, 2, 2026-01-12",
        // Tết 2026: 16-20/2 off, with the weekends 14-15 and 21-22
        "2026-02-12T09:00, 1, 2026-02-13",
        "2026-02-12T09:00, 2, 2026-02-23",
        "2026-02-13T16:00, 1, 2026-02-23",
        "2026-02-13T17:15, 0, 2026-02-23",
        "2026-02-13T17:15, 1, 2026-02-24",
        "2026-02-18T09:00, 0, 2026-02-23",
        "2026-02-10T08:00, 5, 2026-02-24",
        "2026-02-10T08:00, 15, 2026-03-10",
        // Hùng Kings 2026 on Sunday 26/4: Monday 27/4 compensatory; 30/4 and 1/5
        "2026-04-24T09:00, 1, 2026-04-28",
        "2026-04-28T09:00, 1, 2026-04-29",
        "2026-04-29T09:00, 1, 2026-05-04",
        "2026-04-24T09:00, 5, 2026-05-06",
        // National Day 2026: 1-2/9
        "2026-08-31T09:00, 1, 2026-09-03",
        "2026-08-28T09:00, 3, 2026-09-04",
        // Across the year end, into 2027's New Year (Friday 1/1)
        "2026-12-30T09:00, 1, 2026-12-31",
        "2026-12-30T09:00, 2, 2027-01-04",
        "2026-12-31T17:00, 0, 2027-01-04",
        "2026-12-24T09:00, 10, 2027-01-08",
        // Tết 2027: 5/2 and 8-9/2 holidays, 10-11/2 compensatory
        "2027-02-04T09:00, 1, 2027-02-12",
        "2027-02-04T09:00, 2, 2027-02-15",
        "2027-02-03T09:00, 3, 2027-02-15",
        "2027-02-05T09:00, 0, 2027-02-12",
        "2027-01-29T09:00, 10, 2027-02-19",
        // Hùng Kings 2027 (Friday 16/4), 30/4 and 1/5 on Saturday with Monday 3/5 off
        "2027-04-15T09:00, 1, 2027-04-19",
        "2027-04-29T09:00, 1, 2027-05-04",
        "2027-04-29T09:00, 2, 2027-05-05",
        // 2/9 and 3/9/2027
        "2027-09-01T09:00, 1, 2027-09-06",
    })
    void dueDates(String received, int days, String expected) {
        assertEquals(LocalDate.parse(expected), calendar(LocalTime.of(17, 0)).dueDate(LocalDateTime.parse(received), days));
    }

    @Test
    void anEarlierCutOffMovesAfternoonReceipts() {
        WorkingCalendar at15 = calendar(LocalTime.of(15, 0));
        assertEquals(LocalDate.parse("2026-03-04"), at15.dueDate(LocalDateTime.parse("2026-03-02T15:30"), 1));
        assertEquals(LocalDate.parse("2026-03-03"), at15.dueDate(LocalDateTime.parse("2026-03-02T14:59"), 1));
    }

    @Test
    void aYearNobodyEnteredIsRefusedNotGuessed() {
        WorkingCalendar calendar = calendar(LocalTime.of(17, 0));
        CalendarGapException gap = assertThrows(CalendarGapException.class,
                () -> calendar.dueDate(LocalDateTime.parse("2027-12-24T09:00"), 10));
        assertEquals(2028, gap.year());
        assertThrows(CalendarGapException.class, () -> calendar.isWorkingDay(LocalDate.parse("2025-06-02")));
    }

    @Test
    void workingDaysUntilCountsOnlyWorkingDays() {
        WorkingCalendar calendar = calendar(LocalTime.of(17, 0));
        assertEquals(2, calendar.workingDaysUntil(LocalDate.parse("2026-02-12"), LocalDate.parse("2026-02-23")));
        assertEquals(-2, calendar.workingDaysUntil(LocalDate.parse("2026-02-24"), LocalDate.parse("2026-02-13")));
        assertEquals(0, calendar.workingDaysUntil(LocalDate.parse("2026-02-24"), LocalDate.parse("2026-02-24")));
    }

    @Test
    void nonWorkingDaysOfAYearIncludeWeekendsAndHolidaysButNotWorkedSaturdays() {
        WorkingCalendar calendar = calendar(LocalTime.of(17, 0));
        var off = calendar.nonWorkingDays(2026);
        assertTrue(off.contains(LocalDate.parse("2026-02-17")));
        assertTrue(off.contains(LocalDate.parse("2026-04-27")));
        assertFalse(off.contains(LocalDate.parse("2026-01-10")));
        // 104 weekend days of 2026, minus the worked Saturday, plus 10 weekday holidays and 1 compensatory day
        assertEquals(104 - 1 + 10 + 1, off.size());
    }
}
