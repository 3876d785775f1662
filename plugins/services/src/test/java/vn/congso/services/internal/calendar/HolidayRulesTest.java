package vn.congso.services.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The proposal against years whose days off the government announced. */
class HolidayRulesTest {

    private final HolidayRules rules = new HolidayRules();

    private Map<LocalDate, DayKind> proposal(int year) {
        return rules.propose(year).stream().collect(Collectors.toMap(CalendarService.Entry::day, CalendarService.Entry::kind));
    }

    /** 2027 as the changelog seeds it from the statutory days: the proposal is exactly that table. */
    @Test
    void twentyTwentySevenMatchesTheSeededTable() {
        Map<LocalDate, DayKind> expected = new java.util.TreeMap<>();
        for (String d : List.of("2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-04-16", "2027-04-30",
                "2027-09-02", "2027-09-03")) {
            expected.put(LocalDate.parse(d), DayKind.HOLIDAY);
        }
        for (String d : List.of("2027-02-10", "2027-02-11", "2027-05-03")) {
            expected.put(LocalDate.parse(d), DayKind.COMPENSATORY);
        }
        assertEquals(expected, new java.util.TreeMap<>(proposal(2027)));
    }

    /** 2026 as announced (Tết 16-20 February, Hùng Kings on Sunday 26 April with Monday 27 off, 1 and 2 September). */
    @Test
    void twentyTwentySixMatchesTheAnnouncement() {
        Map<LocalDate, DayKind> expected = new java.util.TreeMap<>();
        for (String d : List.of("2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02")) {
            expected.put(LocalDate.parse(d), DayKind.HOLIDAY);
        }
        expected.put(LocalDate.parse("2026-04-27"), DayKind.COMPENSATORY);
        assertEquals(expected, new java.util.TreeMap<>(proposal(2026)));
    }

    /** Saturday 2 September 2028: Friday 1 September next to it, Monday 4 September in compensation. */
    @Test
    void nationalDayOnASaturday() {
        Map<LocalDate, DayKind> p = proposal(2028);
        assertEquals(DayKind.HOLIDAY, p.get(LocalDate.of(2028, 9, 1)));
        assertEquals(DayKind.COMPENSATORY, p.get(LocalDate.of(2028, 9, 4)));
    }

    @Test
    void onlyWeekdaysAndNoGuessedSwaps() {
        for (int year = 2020; year <= 2040; year++) {
            for (CalendarService.Entry e : rules.propose(year)) {
                assertTrue(e.day().getDayOfWeek().getValue() <= 5, e.toString());
                assertTrue(e.kind() != DayKind.WORKDAY, e.toString());
                assertEquals(year, e.day().getYear(), e.toString());
                assertTrue(!e.name().isBlank() && e.name().length() <= 200, e.toString());
            }
        }
    }

    @Test
    void refusesYearsOutsideTheTable() {
        assertThrows(IllegalArgumentException.class, () -> rules.propose(1999));
        assertThrows(IllegalArgumentException.class, () -> rules.propose(2101));
    }
}
