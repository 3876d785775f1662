package vn.congso.services.internal.calendar;

import java.time.LocalDate;
import java.time.temporal.JulianFields;

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed with Hồ Ngọc Đức's algorithm: new moons
 * and the sun's longitude after Jean Meeus' "Astronomical Algorithms", evaluated for Vietnam's
 * time zone UTC+7. A lunar month starts on the day (in UTC+7) of its new moon; the 11th month
 * holds the winter solstice; in a lunar year with 13 months the first month after the 11th that
 * holds no major solar term is the leap month and repeats the number of the month before it.
 *
 * <p>This is not the Chinese calendar: that one is computed for UTC+8 and so starts some months
 * a day later or earlier (Tết 1985: 21 January in Vietnam, 20 February in China; Tết 2007:
 * 17 February in Vietnam, 18 February in China). Valid for the years 1800 to 2199.
 */
public final class VietnameseLunarCalendar {

    /** Vietnam's offset from UTC, in hours. */
    public static final double TIME_ZONE = 7.0;

    /** The first and last solar years the astronomical series are used for. */
    public static final int FIRST_YEAR = 1800;
    /** The last solar year supported. */
    public static final int LAST_YEAR = 2199;

    private static final double SYNODIC_MONTH = 29.530588853;
    private static final double EPOCH = 2415021.076998695;
    private static final long NO_SUCH_MONTH = Long.MIN_VALUE;

    private final double timeZone;

    /** The Vietnamese calendar (UTC+7). */
    public VietnameseLunarCalendar() {
        this(TIME_ZONE);
    }

    /**
     * @param timeZone the offset from UTC in hours the months are counted in (8 gives the
     *        Chinese calendar, used by the tests to show where the two differ)
     */
    public VietnameseLunarCalendar(double timeZone) {
        this.timeZone = timeZone;
    }

    /**
     * A day of the lunar calendar.
     *
     * @param year the lunar year (the solar year in which its first month starts)
     * @param month 1 to 12
     * @param day 1 to 30
     * @param leap whether the month is the year's leap month (tháng nhuận)
     */
    public record LunarDate(int year, int month, int day, boolean leap) {
        /** Checks the ranges. */
        public LunarDate {
            if (month < 1 || month > 12 || day < 1 || day > 30) {
                throw new IllegalArgumentException("no such lunar day: " + day + "/" + month + "/" + year);
            }
        }

        @Override
        public String toString() {
            return day + "/" + month + (leap ? " (leap)" : "") + "/" + year;
        }
    }

    /**
     * @param solar a day of the Gregorian calendar
     * @return the same day in the lunar calendar
     */
    public LunarDate toLunar(LocalDate solar) {
        check(solar.getYear());
        long dayNumber = julianDay(solar);
        long k = (long) Math.floor((dayNumber - EPOCH) / SYNODIC_MONTH);
        long month = k + 1;
        long monthStart = newMoonDay(month);
        // The mean-month estimate can be one month late around a perigee (as in 2054): step back
        // until the month starts on or before the day.
        while (monthStart > dayNumber) {
            month--;
            monthStart = newMoonDay(month);
        }
        long a11 = lunarMonth11(solar.getYear());
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = solar.getYear();
            a11 = lunarMonth11(solar.getYear() - 1);
        } else {
            lunarYear = solar.getYear() + 1;
            b11 = lunarMonth11(solar.getYear() + 1);
        }
        int lunarDay = (int) (dayNumber - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int lunarMonth = diff + 11;
        if (b11 - a11 > 365) {
            int leapMonthDiff = leapMonthOffset(a11);
            if (diff >= leapMonthDiff) {
                lunarMonth = diff + 10;
                leap = diff == leapMonthDiff;
            }
        }
        if (lunarMonth > 12) {
            lunarMonth -= 12;
        }
        if (lunarMonth >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarYear, lunarMonth, lunarDay, leap);
    }

    /**
     * @param lunar a lunar day
     * @return the Gregorian day
     * @throws IllegalArgumentException when the month is marked leap but is not that year's leap
     *         month, or the day is past the month's end
     */
    public LocalDate toSolar(LunarDate lunar) {
        check(lunar.year());
        long k = monthNumber(lunar.year(), lunar.month(), lunar.leap());
        if (k == NO_SUCH_MONTH) {
            throw new IllegalArgumentException("month " + lunar.month() + " of " + lunar.year() + " is not a leap month");
        }
        long monthStart = newMoonDay(k);
        if (lunar.day() > newMoonDay(k + 1) - monthStart) {
            throw new IllegalArgumentException("the month has no day " + lunar.day() + ": " + lunar);
        }
        return LocalDate.MIN.with(JulianFields.JULIAN_DAY, monthStart + lunar.day() - 1);
    }

    /** The new moon number starting a lunar month, or {@link #NO_SUCH_MONTH} for a leap month the year does not have. */
    private long monthNumber(int lunarYear, int month, boolean leap) {
        long a11;
        long b11;
        if (month < 11) {
            a11 = lunarMonth11(lunarYear - 1);
            b11 = lunarMonth11(lunarYear);
        } else {
            a11 = lunarMonth11(lunarYear);
            b11 = lunarMonth11(lunarYear + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - EPOCH) / SYNODIC_MONTH);
        int off = month - 11;
        if (off < 0) {
            off += 12;
        }
        if (b11 - a11 > 365) {
            int leapOff = leapMonthOffset(a11);
            int leapMonth = leapOff - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (leap && month != leapMonth) {
                return NO_SUCH_MONTH;
            } else if (leap || off >= leapOff) {
                off += 1;
            }
        } else if (leap) {
            return NO_SUCH_MONTH;
        }
        return k + off;
    }

    /**
     * @param lunarYear a lunar year
     * @return the solar day of its first day (mùng 1 Tết)
     */
    public LocalDate newYear(int lunarYear) {
        return toSolar(new LunarDate(lunarYear, 1, 1, false));
    }

    /**
     * @param lunarYear a lunar year
     * @return its leap month's number (the leap month follows the ordinary month of that number),
     *         or 0 when the year has twelve months
     */
    public int leapMonth(int lunarYear) {
        check(lunarYear);
        for (int month = 1; month <= 12; month++) {
            if (monthNumber(lunarYear, month, true) != NO_SUCH_MONTH) {
                return month;
            }
        }
        return 0;
    }

    private static void check(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("the lunar calendar is computed for " + FIRST_YEAR + "-" + LAST_YEAR
                    + " only, not " + year);
        }
    }

    private static long julianDay(LocalDate day) {
        return day.getLong(JulianFields.JULIAN_DAY);
    }

    /** The new moon number k (0 = 1 January 1900), as a Julian day with fraction, UT. */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 = jd1 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
        c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
        double deltaT;
        if (t < -11) {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
        }
        return jd1 + c1 - deltaT;
    }

    /** The sun's apparent longitude at a Julian day (UT), in radians, 0 to 2π. */
    static double sunLongitude(double jdn) {
        double t = (jdn - 2451545.0) / 36525;
        double t2 = t * t;
        double dr = Math.PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
    }

    /** The major solar term (0 to 11, 30° each) the sun is in at the start of a local day. */
    private int solarTerm(long dayNumber) {
        return (int) Math.floor(sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI * 6);
    }

    /** The local day of new moon number k. */
    private long newMoonDay(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + timeZone / 24);
    }

    /** The first day of the 11th lunar month (the one holding the winter solstice) of a solar year. */
    private long lunarMonth11(int year) {
        double off = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) Math.floor(off / SYNODIC_MONTH);
        long nm = newMoonDay(k);
        if (solarTerm(nm) >= 9) {
            nm = newMoonDay(k - 1);
        }
        return nm;
    }

    /** How many months after the 11th month the leap month of a 13-month year comes. */
    private int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - EPOCH) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = solarTerm(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = solarTerm(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }
}
