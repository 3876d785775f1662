package vn.congso.services.internal.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working days of the district's offices: Monday to Friday, except the weekdays the table marks
 * as holidays or compensatory days off, plus the Saturdays and Sundays it marks as worked. Only
 * the years the table covers are answered; any other year throws {@link CalendarGapException}
 * rather than guessing.
 *
 * <p>Deadlines (Decree 61/2018, art. 18 and 20): a dossier received on a working day before the
 * cut-off time counts as received that day; one received after the cut-off, or on a day off,
 * counts as received on the next working day. A procedure of N working days is due on the N-th
 * working day after that receipt day (N = 0: the receipt day itself); the dossier is on time when
 * it is settled on or before its due day.
 */
public final class WorkingCalendar {

    /** The district's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** How far the calendar looks for a working day before deciding the table is broken. */
    private static final int MAX_SCAN_DAYS = 400;

    private final Map<LocalDate, DayKind> days;
    private final Set<Integer> years;
    private final LocalTime cutOff;

    /**
     * @param days the table's entries
     * @param years the years the table covers (entered by an administrator)
     * @param cutOff receipts at or after this time of day count from the next working day
     */
    public WorkingCalendar(Map<LocalDate, DayKind> days, Set<Integer> years, LocalTime cutOff) {
        this.days = new TreeMap<>(days);
        this.years = new TreeSet<>(years);
        this.cutOff = Objects.requireNonNull(cutOff, "cutOff");
    }

    /** @return the cut-off time of day */
    public LocalTime cutOff() {
        return cutOff;
    }

    /** @return the years covered */
    public Set<Integer> years() {
        return new TreeSet<>(years);
    }

    /**
     * @param day a day
     * @return whether the offices work that day
     * @throws CalendarGapException when the day's year is not covered
     */
    public boolean isWorkingDay(LocalDate day) {
        if (!years.contains(day.getYear())) {
            throw new CalendarGapException(day.getYear());
        }
        DayKind kind = days.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The working day a receipt counts from.
     *
     * @param received when the dossier was received, local time in Vietnam
     * @return that day, or the next working day after the cut-off or on a day off
     */
    public LocalDate receiptDay(LocalDateTime received) {
        LocalDate day = received.toLocalDate();
        if (isWorkingDay(day) && received.toLocalTime().isBefore(cutOff)) {
            return day;
        }
        return nextWorkingDay(day);
    }

    /**
     * @param received when, as an instant
     * @return {@link #receiptDay(LocalDateTime)} in the district's zone
     */
    public LocalDate receiptDay(Instant received) {
        return receiptDay(LocalDateTime.ofInstant(received, ZONE));
    }

    /**
     * The due day of a procedure.
     *
     * @param received when the complete dossier was received, local time
     * @param workingDays the procedure's processing time, in working days (0 or more)
     * @return the last day on which settling it is on time
     * @throws CalendarGapException when the count crosses a year the table does not cover
     */
    public LocalDate dueDate(LocalDateTime received, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("negative processing time: " + workingDays);
        }
        return addWorkingDays(receiptDay(received), workingDays);
    }

    /**
     * @param received when, as an instant
     * @param workingDays the processing time
     * @return {@link #dueDate(LocalDateTime, int)} in the district's zone
     */
    public LocalDate dueDate(Instant received, int workingDays) {
        return dueDate(LocalDateTime.ofInstant(received, ZONE), workingDays);
    }

    /**
     * @param day a working day
     * @param count working days to add
     * @return the count-th working day after it
     */
    public LocalDate addWorkingDays(LocalDate day, int count) {
        LocalDate current = day;
        for (int i = 0; i < count; i++) {
            current = nextWorkingDay(current);
        }
        return current;
    }

    /**
     * Working days left until a due day: 0 on the due day itself, negative once it has passed
     * (minus the working days of delay).
     *
     * @param today today
     * @param due the due day
     * @return the signed count of working days
     */
    public int workingDaysUntil(LocalDate today, LocalDate due) {
        if (today.equals(due)) {
            return 0;
        }
        boolean forward = today.isBefore(due);
        LocalDate from = forward ? today : due;
        LocalDate to = forward ? due : today;
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return forward ? count : -count;
    }

    /**
     * @param day a day
     * @return the first working day after it
     */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int i = 0; i < MAX_SCAN_DAYS; i++) {
            if (isWorkingDay(next)) {
                return next;
            }
            next = next.plusDays(1);
        }
        throw new IllegalStateException("no working day within " + MAX_SCAN_DAYS + " days after " + day);
    }

    /**
     * Every day off of a year that is not a Saturday or Sunday, and every weekend day off, in
     * order: what an officer checks against the government's announcement.
     *
     * @param year a covered year
     * @return the days off
     */
    public List<LocalDate> nonWorkingDays(int year) {
        List<LocalDate> off = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                off.add(d);
            }
        }
        return off;
    }
}
