package vn.congso.services.internal.calendar;

/**
 * A deadline would cross a year whose holidays and swaps nobody has entered: the calendar does
 * not guess, the administrator is told to enter the year.
 */
public final class CalendarGapException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int year;

    /**
     * @param year the year missing from the table
     */
    public CalendarGapException(int year) {
        super("the working-day calendar has no entries for " + year);
        this.year = year;
    }

    /** @return the year missing from the table */
    public int year() {
        return year;
    }
}
