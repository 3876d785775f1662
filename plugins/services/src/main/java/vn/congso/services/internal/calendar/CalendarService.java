package vn.congso.services.internal.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The working-day calendar's table (days off, worked weekend days, years covered), read by
 * everyone and edited with {@code services:calendar:manage}.
 */
public interface CalendarService {

    /**
     * One entry of the table.
     *
     * @param day the day
     * @param kind what it is
     * @param name why, such as "Tết Nguyên đán"
     */
    record Entry(LocalDate day, DayKind kind, String name) {
    }

    /** @return the calendar as the table stands now */
    WorkingCalendar calendar();

    /** @return every entry, in date order */
    List<Entry> entries();

    /**
     * Adds or replaces an entry; covers its year.
     *
     * @param entry the entry
     * @throws IllegalArgumentException when a weekday is marked worked or a weekend day off
     */
    void put(Entry entry);

    /**
     * @param day the day whose entry goes
     */
    void remove(LocalDate day);

    /**
     * Marks a year as entered (after the government's announcement), even without entries.
     *
     * @param year the year
     */
    void coverYear(int year);

    /**
     * Enters a year not entered yet with all its entries at once (a reviewed proposal), all or
     * nothing, audited. Requires {@code services:calendar:manage}.
     *
     * @param year the year
     * @param entries its entries, every one in that year
     * @throws IllegalArgumentException (a translation key) when the year is already entered, an
     *         entry is outside the year, twice the same day, or invalid as {@link #put} says
     */
    void enterYear(int year, List<Entry> entries);
}
