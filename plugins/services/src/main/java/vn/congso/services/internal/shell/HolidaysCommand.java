package vn.congso.services.internal.shell;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import vn.congso.services.internal.calendar.CalendarGapException;
import vn.congso.services.internal.calendar.CalendarService;
import vn.congso.services.internal.calendar.HolidayRules;
import vn.congso.services.internal.calendar.VietnameseLunarCalendar;
import vn.congso.services.internal.calendar.WorkingCalendar;

/**
 * {@code congso:services-holidays YEAR}: a year's days off other than plain weekends, and worked
 * weekend days; with {@code --proposal}, the days computed from the Labour Code and the lunar
 * calendar (what the calendar screen proposes), whether or not the year is entered.
 */
@Service
@Command(scope = "congso", name = "services-holidays",
        description = "Print a year's public holidays, compensatory days off and worked weekend days")
public final class HolidaysCommand implements Action {

    @Reference
    CalendarService calendars;

    @Argument(index = 0, name = "year", description = "The year, e.g. 2027", required = true)
    int year;

    @Option(name = "--proposal", aliases = "-p",
            description = "Print the holidays computed from the lunar calendar instead of the entered table")
    boolean proposal;

    @Override
    public Object execute() {
        if (proposal) {
            return printProposal();
        }
        WorkingCalendar calendar = calendars.calendar();
        if (!calendar.years().contains(year)) {
            throw new ConsoleRefusal("The working-day calendar has no entries for " + year
                    + ": enter that year's days off (Dịch vụ công → Lịch ngày làm việc) first");
        }
        Map<LocalDate, CalendarService.Entry> entries = calendars.entries().stream()
                .filter(e -> e.day().getYear() == year).collect(Collectors.toMap(CalendarService.Entry::day, e -> e));
        try {
            int off = 0;
            for (LocalDate day : calendar.nonWorkingDays(year)) {
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                off++;
                if (!weekend) {
                    CalendarService.Entry e = entries.get(day);
                    System.out.println(day + " " + day.getDayOfWeek() + " off: " + (e == null ? "" : e.name()));
                }
            }
            entries.values().stream().filter(e -> calendar.isWorkingDay(e.day())).sorted(
                    java.util.Comparator.comparing(CalendarService.Entry::day))
                    .forEach(e -> System.out.println(e.day() + " " + e.day().getDayOfWeek() + " worked: " + e.name()));
            System.out.println(off + " non-working days in " + year + " (weekends included)");
        } catch (CalendarGapException e) {
            throw new ConsoleRefusal("The working-day calendar has no entries for " + e.year());
        }
        return null;
    }

    private Object printProposal() {
        if (year < 2000 || year > 2100) {
            throw new ConsoleRefusal("The proposal is computed for the years 2000 to 2100, not " + year);
        }
        VietnameseLunarCalendar lunar = new VietnameseLunarCalendar();
        HolidayRules rules = new HolidayRules(lunar);
        System.out.println("Computed for " + year + " (UTC+7 lunar calendar): Tết (1/1 âm lịch) " + lunar.newYear(year)
                + ", Giỗ Tổ Hùng Vương (10/3 âm lịch) "
                + lunar.toSolar(new VietnameseLunarCalendar.LunarDate(year, 3, 10, false)));
        var entries = rules.propose(year);
        for (CalendarService.Entry e : entries) {
            System.out.println(e.day() + " " + e.day().getDayOfWeek() + " " + e.kind().code() + ": " + e.name());
        }
        System.out.println(entries.size() + " weekday days off proposed for " + year + " ("
                + (calendars.calendar().years().contains(year) ? "the year is already entered"
                        : "the year is not entered yet") + "); yearly swaps are not guessed");
        return null;
    }
}
