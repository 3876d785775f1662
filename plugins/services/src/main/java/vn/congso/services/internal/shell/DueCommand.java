package vn.congso.services.internal.shell;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import vn.congso.services.internal.calendar.CalendarGapException;
import vn.congso.services.internal.calendar.CalendarService;
import vn.congso.services.internal.calendar.WorkingCalendar;

/** {@code congso:services-due 2026-02-13T17:15 3}: the receipt day and the due day an officer can check by hand. */
@Service
@Command(scope = "congso", name = "services-due",
        description = "Print the day a receipt counts from and the due day after a number of working days")
public final class DueCommand implements Action {

    @Reference
    CalendarService calendars;

    @Argument(index = 0, name = "received", description = "Local receipt time in Vietnam, e.g. 2026-02-13T17:15",
            required = true)
    String received;

    @Argument(index = 1, name = "days", description = "The processing time in working days", required = true)
    int days;

    @Override
    public Object execute() {
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(received);
        } catch (DateTimeParseException e) {
            throw new ConsoleRefusal("Not a local date and time such as 2026-02-13T17:15: " + received);
        }
        if (days < 0 || days > 365) {
            throw new ConsoleRefusal("The processing time must be 0 to 365 working days, not " + days);
        }
        WorkingCalendar calendar = calendars.calendar();
        try {
            System.out.println("Receipt counts from: " + calendar.receiptDay(at) + " (cut-off " + calendar.cutOff() + ")");
            System.out.println("Due: " + calendar.dueDate(at, days) + " (" + days + " working days)");
        } catch (CalendarGapException e) {
            throw new ConsoleRefusal("The working-day calendar has no entries for " + e.year()
                    + ": enter that year's days off first");
        }
        return null;
    }
}
