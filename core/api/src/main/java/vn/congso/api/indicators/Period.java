package vn.congso.api.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The calendar period an indicator is computed for: a month, a quarter or a year, in the
 * district's time zone. Data stored as UTC instants is selected with
 * {@code startInstant() <= t < endInstant()}.
 *
 * @param kind month, quarter or year
 * @param from the first day, inclusive
 * @param to the day after the last day, exclusive
 */
public record Period(Kind kind, LocalDate from, LocalDate to) {

    /** The time zone in which periods begin and end. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The length of a period. */
    public enum Kind {
        /** A calendar month. */
        MONTH,
        /** A calendar quarter (January–March, …). */
        QUARTER,
        /** A calendar year. */
        YEAR
    }

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException when {@code to} is not after {@code from}
     */
    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A period ends after it starts: " + from + " .. " + to);
        }
    }

    /**
     * A calendar month.
     *
     * @param month the month
     * @return the period
     */
    public static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /**
     * A calendar quarter.
     *
     * @param year the year
     * @param quarter 1 to 4
     * @return the period
     * @throws IllegalArgumentException when the quarter is not 1 to 4
     */
    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("A quarter is 1 to 4: " + quarter);
        }
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(Kind.QUARTER, start, start.plusMonths(3));
    }

    /**
     * A calendar year.
     *
     * @param year the year
     * @return the period
     */
    public static Period year(int year) {
        return new Period(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /**
     * The period of a kind that contains a day.
     *
     * @param kind the kind
     * @param day the day
     * @return the period
     */
    public static Period containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case MONTH -> month(YearMonth.from(day));
            case QUARTER -> quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case YEAR -> year(day.getYear());
        };
    }

    /**
     * The first instant of the period.
     *
     * @return midnight of {@link #from()} in {@link #ZONE}
     */
    public Instant startInstant() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    /**
     * The first instant after the period.
     *
     * @return midnight of {@link #to()} in {@link #ZONE}
     */
    public Instant endInstant() {
        return to.atStartOfDay(ZONE).toInstant();
    }

    /**
     * The moment at which a "how many now" indicator (valid certificates, open dossiers) is
     * read: the end of the period, or {@code now} while the period is still running.
     *
     * @param now the current instant
     * @return the earlier of the period's end and {@code now}
     */
    public Instant asOf(Instant now) {
        Instant end = endInstant();
        return now.isBefore(end) ? now : end;
    }
}
