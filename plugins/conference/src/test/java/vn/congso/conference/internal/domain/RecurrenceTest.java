package vn.congso.conference.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congso.conference.internal.domain.Recurrence.Frequency;
import vn.congso.conference.internal.domain.Recurrence.MonthlyBy;
import vn.congso.conference.internal.domain.Recurrence.RecurrenceException;

/** Recurrence rules as the form builds them, expanded by ical4j, against cases worked out by hand. */
class RecurrenceTest {

    private static final int CAP = 400;

    @Test
    void weeklyOnChosenDaysUntilADay() {
        LocalDateTime first = LocalDateTime.of(2026, 12, 7, 7, 30); // a Monday
        Recurrence weekly = new Recurrence(Frequency.WEEKLY, 1, Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                MonthlyBy.DATE, LocalDate.of(2026, 12, 21), null);
        String rule = weekly.rrule(first);

        assertEquals("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH;UNTIL=20261221T235959", rule);
        assertEquals(List.of(first, at(2026, 12, 10), at(2026, 12, 14), at(2026, 12, 17), at(2026, 12, 21)),
                Recurrence.expand(rule, first, CAP));
    }

    @Test
    void earlyMorningMeetingsStayOnTheirLocalDay() {
        // 06:00 in Asia/Ho_Chi_Minh is 23:00 UTC the day before: expansion is on local times.
        LocalDateTime first = LocalDateTime.of(2026, 12, 7, 6, 0);
        String rule = new Recurrence(Frequency.WEEKLY, 1, Set.of(DayOfWeek.MONDAY), null, null, 3).rrule(first);

        assertEquals(List.of(first, first.plusWeeks(1), first.plusWeeks(2)), Recurrence.expand(rule, first, CAP));
    }

    @Test
    void everyOtherDayWithACount() {
        LocalDateTime first = LocalDateTime.of(2026, 12, 30, 14, 0);
        String rule = new Recurrence(Frequency.DAILY, 2, Set.of(), null, null, 3).rrule(first);

        assertEquals(List.of(first, first.plusDays(2), first.plusDays(4)), Recurrence.expand(rule, first, CAP));
    }

    @Test
    void monthlyOnTheThirtyFirstSkipsShortMonths() {
        LocalDateTime first = LocalDateTime.of(2027, 1, 31, 8, 0);
        String rule = new Recurrence(Frequency.MONTHLY, 1, Set.of(), MonthlyBy.DATE, LocalDate.of(2027, 6, 30), null)
                .rrule(first);

        assertEquals("FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=31;UNTIL=20270630T235959", rule);
        assertEquals(List.of(first, LocalDateTime.of(2027, 3, 31, 8, 0), LocalDateTime.of(2027, 5, 31, 8, 0)),
                Recurrence.expand(rule, first, CAP));
    }

    @Test
    void monthlyOnTheFirstMonday() {
        LocalDateTime first = LocalDateTime.of(2027, 2, 1, 8, 0); // the first Monday of February 2027
        String rule = new Recurrence(Frequency.MONTHLY, 1, Set.of(), MonthlyBy.WEEKDAY, null, 3).rrule(first);

        assertEquals("FREQ=MONTHLY;INTERVAL=1;BYDAY=1MO;COUNT=3", rule);
        assertEquals(List.of(first, LocalDateTime.of(2027, 3, 1, 8, 0), LocalDateTime.of(2027, 4, 5, 8, 0)),
                Recurrence.expand(rule, first, CAP));
    }

    @Test
    void theFifthMondayOnlyInMonthsThatHaveOne() {
        LocalDateTime first = LocalDateTime.of(2027, 3, 29, 8, 0); // March 2027 has five Mondays
        String rule = new Recurrence(Frequency.MONTHLY, 1, Set.of(), MonthlyBy.WEEKDAY, LocalDate.of(2027, 12, 31), null)
                .rrule(first);

        assertEquals("FREQ=MONTHLY;INTERVAL=1;BYDAY=5MO;UNTIL=20271231T235959", rule);
        assertEquals(List.of(first, LocalDateTime.of(2027, 5, 31, 8, 0), LocalDateTime.of(2027, 8, 30, 8, 0),
                LocalDateTime.of(2027, 11, 29, 8, 0)), Recurrence.expand(rule, first, CAP));
    }

    @Test
    void refusesARuleWithoutAnEndOrBeyondTheCap() {
        LocalDateTime first = LocalDateTime.of(2026, 12, 7, 8, 0);
        assertEquals("conference.error.recurrence-end", assertThrows(RecurrenceException.class,
                () -> new Recurrence(Frequency.DAILY, 1, Set.of(), null, null, null).rrule(first)).key());
        assertEquals("conference.error.recurrence-end", assertThrows(RecurrenceException.class,
                () -> Recurrence.expand("FREQ=DAILY;INTERVAL=1", first, CAP)).key());
        assertEquals("conference.error.recurrence-cap", assertThrows(RecurrenceException.class,
                () -> Recurrence.expand("FREQ=DAILY;COUNT=500", first, CAP)).key());
        assertEquals("conference.error.recurrence-cap", assertThrows(RecurrenceException.class,
                () -> Recurrence.expand("FREQ=DAILY;UNTIL=20301231T235959", first, CAP)).key());
        assertEquals("conference.error.recurrence-malformed", assertThrows(RecurrenceException.class,
                () -> Recurrence.expand("FREQ=SOMETIMES;COUNT=2", first, CAP)).key());
        assertEquals(CAP, Recurrence.expand("FREQ=DAILY;COUNT=" + CAP, first, CAP).size());
    }

    private static LocalDateTime at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 7, 30);
    }
}
