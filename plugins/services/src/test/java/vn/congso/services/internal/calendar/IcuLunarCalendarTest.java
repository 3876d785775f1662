package vn.congso.services.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.congso.services.internal.calendar.VietnameseLunarCalendar.LunarDate;

/**
 * Our lunar calendar day by day against an independent implementation: ICU4J's lunisolar
 * calendar (its own astronomy, Reingold and Dershowitz's rules) with its astronomical
 * computations made at UTC+7, as Vietnam's calendar is (ICU's Korean calendar is the same class at
 * UTC+9). This covers the years for which no published table was found (Hùng Kings' day
 * 2028-2035 among them) and every leap month.
 */
class IcuLunarCalendarTest {

    /** ICU's Chinese calendar with its new moons and solar terms reckoned at UTC+7. */
    private static final class IcuVietnamese extends ChineseCalendar {
        private static final long serialVersionUID = 1L;

        IcuVietnamese() {
            // -2636 is the Chinese calendar's epoch (ICU's own constant for it).
            super(TimeZone.getTimeZone("UTC"), ULocale.ROOT, -2636, new com.ibm.icu.util.SimpleTimeZone(7 * 3_600_000, "UTC+7"));
        }

        LunarDate lunar(LocalDate day) {
            clear();
            setTimeInMillis(day.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
            return new LunarDate(get(EXTENDED_YEAR) - 2637, get(MONTH) + 1, get(DAY_OF_MONTH), get(IS_LEAP_MONTH) == 1);
        }
    }

    private final VietnameseLunarCalendar ours = new VietnameseLunarCalendar();
    private final IcuVietnamese icu = new IcuVietnamese();

    /**
     * The months whose new moon falls within minutes of midnight at UTC+7 (about 16:55 UT), where
     * ICU's shorter lunar theory puts it after midnight and Hồ Ngọc Đức's algorithm (Meeus'
     * series, what Vietnamese calendars print) before it: ICU starts these three months a day
     * later. Every other day of 1980-2050 agrees.
     */
    private static final java.util.Set<LocalDate> NEAR_MIDNIGHT_MONTHS = java.util.Set.of(
            LocalDate.of(1995, 9, 24), LocalDate.of(1996, 12, 10), LocalDate.of(1997, 12, 29));

    @Test
    void everyDayOf1980To2050AgreesWithIcuAtUtcPlus7() {
        java.util.Set<LocalDate> differingMonths = new java.util.TreeSet<>();
        int agreeing = 0;
        for (LocalDate d = LocalDate.of(1980, 1, 1); d.getYear() <= 2050; d = d.plusDays(1)) {
            LunarDate mine = ours.toLunar(d);
            if (icu.lunar(d).equals(mine)) {
                agreeing++;
            } else {
                differingMonths.add(d.minusDays(mine.day() - 1L));
            }
        }
        assertEquals(NEAR_MIDNIGHT_MONTHS, differingMonths);
        assertEquals(true, agreeing > 25_800, "days agreeing: " + agreeing);
    }

    /** Giỗ Tổ Hùng Vương (10/3) 2028-2035, the years the published table lacks. */
    @Test
    void hungKings2028To2035() {
        for (int year = 2028; year <= 2035; year++) {
            LocalDate day = ours.toSolar(new LunarDate(year, 3, 10, false));
            assertEquals(new LunarDate(year, 3, 10, false), icu.lunar(day), "Hùng Kings " + year + " on " + day);
            assertEquals(4, day.getMonthValue(), "Hùng Kings' day falls in April: " + day);
        }
    }

    @Test
    void theControlIcuAtUtcPlus8IsChinasCalendar() {
        // Tết 2007 was on 17 February in Vietnam and the Chinese New Year on the 18th (the new
        // moon at 16:14 UT: 23:14 in Vietnam, 00:14 in China); 1985 differed by a whole month.
        ChineseCalendar china = new ChineseCalendar(TimeZone.getTimeZone("UTC"));
        china.setTimeInMillis(LocalDate.of(2007, 2, 18).atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
        assertEquals(1, china.get(ChineseCalendar.DAY_OF_MONTH));
        assertEquals(0, china.get(ChineseCalendar.MONTH));
        assertEquals(new LunarDate(2007, 1, 1, false), icu.lunar(LocalDate.of(2007, 2, 17)));
        assertEquals(new LunarDate(1985, 1, 1, false), icu.lunar(LocalDate.of(1985, 1, 21)));
        assertEquals(new LunarDate(1985, 1, 1, false), ours.toLunar(LocalDate.of(1985, 1, 21)));
    }
}
