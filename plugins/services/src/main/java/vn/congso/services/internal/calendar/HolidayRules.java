package vn.congso.services.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A proposal for a year's table, computed from the Labour Code 2019 (art. 112) and the lunar
 * calendar, for an administrator to review against the government's announcement before
 * confirming it. The rules, stated so that a reviewer knows what to check:
 * <ul>
 * <li>Tết Dương lịch: 1 January.</li>
 * <li>Tết Nguyên đán: five days, by default the last day of the lunar year before (30 or 29 tháng
 * Chạp) through the 4th day of the 1st lunar month. The government may pick other days each
 * year (2025: 28 tháng Chạp to mùng 3); the administrator moves them when it does.</li>
 * <li>Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month.</li>
 * <li>Ngày Chiến thắng 30 April, Quốc tế lao động 1 May.</li>
 * <li>Quốc khánh: 2 September and one day next to it: Monday 1 September when the 2nd is a
 * Tuesday, Friday 3 September when it is a Thursday, Tuesday 3 September when it is a Monday,
 * Thursday 1 September when it is a Friday, 1 September when it is a Wednesday (as in 2026),
 * Friday 1 September when it is a Saturday, Monday 3 September when it is a Sunday.</li>
 * <li>Each of these days that falls on a Saturday or Sunday gives a compensatory day off on the
 * next weekday that is neither a holiday nor already a compensatory day (art. 111(3)), in the
 * order of the days.</li>
 * </ul>
 * Weekend days need no entry in the table; only the weekday holidays and the compensatory days are
 * proposed. Yearly swaps of working days (a Saturday worked for a bridging weekday off) are the
 * government's choice and are never guessed.
 */
public final class HolidayRules {

    /** Names written into the table, in Vietnamese as the government's announcements write them. */
    static final String NEW_YEAR = "Tết Dương lịch";
    static final String TET = "Tết Nguyên đán";
    static final String HUNG_KINGS = "Giỗ Tổ Hùng Vương (10/3 âm lịch)";
    static final String VICTORY = "Ngày Chiến thắng";
    static final String LABOUR = "Ngày Quốc tế lao động";
    static final String NATIONAL = "Quốc khánh";
    static final String NATIONAL_NEXT = "Quốc khánh (ngày liền kề)";
    static final String COMPENSATORY = "Nghỉ bù ";

    private final VietnameseLunarCalendar lunar;

    /** Rules on the Vietnamese lunar calendar. */
    public HolidayRules() {
        this(new VietnameseLunarCalendar());
    }

    /**
     * @param lunar the lunar calendar
     */
    public HolidayRules(VietnameseLunarCalendar lunar) {
        this.lunar = lunar;
    }

    /**
     * Every statutory day off of a year, weekend or not, with its name.
     *
     * @param year a solar year, 2000 to 2100
     * @return the days, in order
     */
    public Map<LocalDate, String> statutoryDays(int year) {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("services.calendar.error.year");
        }
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), NEW_YEAR);
        LocalDate tet = lunar.newYear(year);
        for (LocalDate d = tet.minusDays(1); !d.isAfter(tet.plusDays(3)); d = d.plusDays(1)) {
            days.put(d, TET);
        }
        days.put(lunar.toSolar(new VietnameseLunarCalendar.LunarDate(year, 3, 10, false)), HUNG_KINGS);
        days.put(LocalDate.of(year, 4, 30), VICTORY);
        days.put(LocalDate.of(year, 5, 1), LABOUR);
        LocalDate national = LocalDate.of(year, 9, 2);
        days.put(national, NATIONAL);
        days.put(nextToNationalDay(national), NATIONAL_NEXT);
        return days;
    }

    /**
     * @param national 2 September
     * @return the day next to it that is also off
     */
    static LocalDate nextToNationalDay(LocalDate national) {
        return switch (national.getDayOfWeek()) {
            case MONDAY, THURSDAY, SUNDAY -> national.plusDays(1);
            default -> national.minusDays(1);
        };
    }

    /**
     * The proposal: weekday holidays and compensatory days off, in date order.
     *
     * @param year a solar year, 2000 to 2100
     * @return the entries to review
     */
    public List<CalendarService.Entry> propose(int year) {
        Map<LocalDate, String> statutory = statutoryDays(year);
        Map<LocalDate, CalendarService.Entry> out = new LinkedHashMap<>();
        for (Map.Entry<LocalDate, String> e : statutory.entrySet()) {
            if (!weekend(e.getKey())) {
                out.put(e.getKey(), new CalendarService.Entry(e.getKey(), DayKind.HOLIDAY, e.getValue()));
            }
        }
        Set<LocalDate> taken = statutory.keySet();
        for (Map.Entry<LocalDate, String> e : statutory.entrySet()) {
            if (weekend(e.getKey())) {
                LocalDate off = e.getKey().plusDays(1);
                while (weekend(off) || taken.contains(off) || out.containsKey(off)) {
                    off = off.plusDays(1);
                }
                out.put(off, new CalendarService.Entry(off, DayKind.COMPENSATORY, COMPENSATORY + e.getValue() + " ("
                        + String.format("%02d/%02d", e.getKey().getDayOfMonth(), e.getKey().getMonthValue()) + ")"));
            }
        }
        List<CalendarService.Entry> entries = new ArrayList<>(out.values());
        entries.sort(Comparator.comparing(CalendarService.Entry::day));
        return entries;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
