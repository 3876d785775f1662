package vn.congso.conference.internal.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Recur;

/**
 * How a series repeats, as the booking form asks it, written as an RFC 5545 RRULE and expanded by
 * ical4j. Expansion works on local times in Asia/Ho_Chi_Minh (floating), so "every Monday at
 * 07:30" stays on Mondays whatever the UTC date.
 *
 * @param frequency daily, weekly or monthly
 * @param interval every N days/weeks/months, 1 or more
 * @param weekdays for weekly: the chosen days (empty: the first occurrence's day)
 * @param monthlyBy for monthly: the same date each month, or the same weekday ("the first Monday")
 * @param until the last day a series may occur on, or null
 * @param count the number of occurrences, or null; exactly one of until and count is given
 */
public record Recurrence(Frequency frequency, int interval, Set<DayOfWeek> weekdays, MonthlyBy monthlyBy,
        LocalDate until, Integer count) {

    /** The repetition unit. */
    public enum Frequency {
        /** Every N days. */
        DAILY,
        /** Every N weeks on chosen days. */
        WEEKLY,
        /** Every N months. */
        MONTHLY
    }

    /** How a monthly series picks its day. */
    public enum MonthlyBy {
        /** The same day of the month (months without that day are skipped, as RFC 5545 says). */
        DATE,
        /** The same weekday at the same position ("the first Monday", "the fifth Monday"). */
        WEEKDAY
    }

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
    private static final List<String> DAY_CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    /** Checks the fields. */
    public Recurrence {
        Objects.requireNonNull(frequency, "frequency");
        weekdays = weekdays == null || weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
        monthlyBy = monthlyBy == null ? MonthlyBy.DATE : monthlyBy;
    }

    /**
     * The RRULE of this recurrence for a series whose first occurrence starts at {@code first}.
     *
     * @param first the first occurrence's local start
     * @return the RRULE value, e.g. {@code FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH;COUNT=10}
     * @throws RecurrenceException when the rule has no end, both ends, or an interval below 1
     */
    public String rrule(LocalDateTime first) {
        if (interval < 1) {
            throw new RecurrenceException("conference.error.recurrence-interval");
        }
        if ((until == null) == (count == null)) {
            throw new RecurrenceException("conference.error.recurrence-end");
        }
        if (count != null && count < 1) {
            throw new RecurrenceException("conference.error.recurrence-count");
        }
        StringBuilder rule = new StringBuilder("FREQ=").append(frequency.name()).append(";INTERVAL=").append(interval);
        switch (frequency) {
            case WEEKLY -> {
                Set<DayOfWeek> days = weekdays.isEmpty() ? Set.of(first.getDayOfWeek()) : weekdays;
                rule.append(";BYDAY=").append(days.stream().sorted().map(Recurrence::code).collect(Collectors.joining(",")));
            }
            case MONTHLY -> {
                if (monthlyBy == MonthlyBy.DATE) {
                    rule.append(";BYMONTHDAY=").append(first.getDayOfMonth());
                } else {
                    int position = (first.getDayOfMonth() - 1) / 7 + 1;
                    rule.append(";BYDAY=").append(position).append(code(first.getDayOfWeek()));
                }
            }
            default -> {
            }
        }
        if (count != null) {
            rule.append(";COUNT=").append(count);
        } else {
            if (until.isBefore(first.toLocalDate())) {
                throw new RecurrenceException("conference.error.recurrence-until");
            }
            rule.append(";UNTIL=").append(UNTIL.format(until.atTime(23, 59, 59)));
        }
        return rule.toString();
    }

    /**
     * The local starts of a series, first included, at most {@code cap} of them.
     *
     * @param rrule the rule, with an UNTIL or a COUNT
     * @param first the first occurrence's local start
     * @param cap the most occurrences a series may have
     * @return the starts in order
     * @throws RecurrenceException when the rule is malformed, has no end, or yields more than {@code cap}
     */
    public static List<LocalDateTime> expand(String rrule, LocalDateTime first, int cap) {
        Recur<LocalDateTime> recur;
        try {
            recur = new Recur<>(rrule);
        } catch (RuntimeException e) {
            throw new RecurrenceException("conference.error.recurrence-malformed", e);
        }
        if (recur.getCount() < 1 && recur.getUntil() == null) {
            throw new RecurrenceException("conference.error.recurrence-end");
        }
        if (recur.getCount() > cap) {
            throw new RecurrenceException("conference.error.recurrence-cap");
        }
        // A series never runs past the cap; twenty years bound the search for a rule like BYMONTHDAY=31.
        LocalDateTime horizon = first.plusYears(20);
        List<LocalDateTime> dates = recur.getDates(first, first, horizon, cap + 1);
        List<LocalDateTime> starts = dates.stream().filter(d -> !d.isBefore(first)).sorted().distinct().toList();
        if (starts.size() > cap) {
            throw new RecurrenceException("conference.error.recurrence-cap");
        }
        if (starts.isEmpty()) {
            throw new RecurrenceException("conference.error.recurrence-empty");
        }
        return starts;
    }

    private static String code(DayOfWeek day) {
        return DAY_CODES.get(day.getValue() - 1);
    }

    /** A recurrence that cannot be used; the key names the problem for the form. */
    public static final class RecurrenceException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String key;

        RecurrenceException(String key) {
            super(key);
            this.key = key;
        }

        RecurrenceException(String key, Throwable cause) {
            super(key, cause);
            this.key = key;
        }

        /** @return the translation key of the problem */
        public String key() {
            return key;
        }
    }
}
