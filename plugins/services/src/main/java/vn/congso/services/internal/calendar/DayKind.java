package vn.congso.services.internal.calendar;

import java.util.Locale;

/** What an entry of the calendar table says about a day. */
public enum DayKind {
    /** A public holiday on a weekday (Tết, Hùng Kings' day, 30/4, 1/5, 2/9, 1/1). */
    HOLIDAY,
    /** A weekday off given for a holiday that fell on a weekend, or by the government's yearly swap. */
    COMPENSATORY,
    /** A Saturday or Sunday worked instead of a swapped weekday. */
    WORKDAY;

    /** @return the value stored in the database and used in translation keys */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param code a stored value
     * @return the kind
     * @throws IllegalArgumentException for an unknown value
     */
    public static DayKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
