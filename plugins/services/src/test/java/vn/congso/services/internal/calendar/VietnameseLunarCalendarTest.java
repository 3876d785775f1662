package vn.congso.services.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.congso.services.internal.calendar.VietnameseLunarCalendar.LunarDate;

/**
 * The lunar calendar against published dates (Vietnamese calendars and the government's holiday
 * announcements), never against its own output.
 */
class VietnameseLunarCalendarTest {

    private final VietnameseLunarCalendar vietnam = new VietnameseLunarCalendar();
    private final VietnameseLunarCalendar china = new VietnameseLunarCalendar(8);

    /**
     * Mùng 1 Tết as Vietnamese calendars publish it. 2030: the new moon is at 16:07 UT on
     * 2 February, 23:07 in Vietnam but 00:07 on the 3rd in China, so Tết Canh Tuất is on
     * 2 February in Vietnam and the Chinese New Year on 3 February (asserted below). 2008-2019 as
     * python-holidays' Vietnam test table lists them (Tết 2019 = 5 February, also in holidays/holidays
     * PR #506).
     */
    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
        "2008, 2008-02-07", "2009, 2009-01-26", "2010, 2010-02-14", "2011, 2011-02-03", "2012, 2012-01-23",
        "2013, 2013-02-10", "2014, 2014-01-31", "2015, 2015-02-19", "2016, 2016-02-08", "2017, 2017-01-28",
        "2018, 2018-02-16", "2019, 2019-02-05",
        "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10",
        "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13",
        "2030, 2030-02-02", "2031, 2031-01-23", "2032, 2032-02-11", "2033, 2033-01-31", "2034, 2034-02-19",
        "2035, 2035-02-08"})
    void tet(int year, LocalDate expected) {
        assertEquals(expected, vietnam.newYear(year));
        assertEquals(new LunarDate(year, 1, 1, false), vietnam.toLunar(expected));
        assertEquals(new LunarDate(year - 1, 12, (int) (expected.toEpochDay() - vietnam.toSolar(
                new LunarDate(year - 1, 12, 1, false)).toEpochDay()), false), vietnam.toLunar(expected.minusDays(1)),
                "the day before Tết is the last day of the 12th month");
    }

    /**
     * Giỗ Tổ Hùng Vương (10/3) as announced; 2028-2035 (no published source found) are checked against an
     * independent implementation in {@link IcuLunarCalendarTest}. Earlier years as the press published them: 2016-04-16 (vietnamtourism.vn, "Hung
     * Kings Temple Festival 2016", the 10th day of the third lunar month), 2018-04-25 (Nhân Dân via
     * baobacninhtv.vn, "April 25, 2018 (tenth day of the third lunar month)"), 2019-04-14 (qdnd.vn,
     * the ceremony dedicated to the Hung Kings on April 14).
     */
    @ParameterizedTest(name = "Hùng Kings {0} is {1}")
    @CsvSource({"2016, 2016-04-16", "2018, 2018-04-25", "2019, 2019-04-14", "2020, 2020-04-02", "2021, 2021-04-21", "2022, 2022-04-10", "2023, 2023-04-29", "2024, 2024-04-18",
        "2025, 2025-04-07", "2026, 2026-04-26", "2027, 2027-04-16"})
    void hungKings(int year, LocalDate expected) {
        assertEquals(expected, vietnam.toSolar(new LunarDate(year, 3, 10, false)));
        assertEquals(new LunarDate(year, 3, 10, false), vietnam.toLunar(expected));
    }

    @Test
    void vietnamIsNotChina() {
        assertEquals(LocalDate.of(1985, 1, 21), vietnam.newYear(1985));
        assertEquals(LocalDate.of(1985, 2, 20), china.newYear(1985));
        assertEquals(LocalDate.of(2007, 2, 17), vietnam.newYear(2007));
        assertEquals(LocalDate.of(2007, 2, 18), china.newYear(2007));
        assertEquals(LocalDate.of(2030, 2, 3), china.newYear(2030));
        assertEquals(LocalDate.of(2023, 1, 22), china.newYear(2023), "most years agree");
    }

    /** 2023 (Quý Mão) had a leap 2nd month: 22 March to 19 April 2023; 2025 (Ất Tỵ) a leap 6th month from 25 July. */
    @Test
    void leapMonths() {
        assertEquals(2, vietnam.leapMonth(2023));
        assertEquals(new LunarDate(2023, 2, 1, false), vietnam.toLunar(LocalDate.of(2023, 2, 20)));
        assertEquals(new LunarDate(2023, 2, 1, true), vietnam.toLunar(LocalDate.of(2023, 3, 22)));
        assertEquals(new LunarDate(2023, 3, 1, false), vietnam.toLunar(LocalDate.of(2023, 4, 20)));
        assertEquals(LocalDate.of(2023, 3, 22), vietnam.toSolar(new LunarDate(2023, 2, 1, true)));
        assertEquals(6, vietnam.leapMonth(2025));
        assertEquals(new LunarDate(2025, 6, 1, true), vietnam.toLunar(LocalDate.of(2025, 7, 25)));
        assertEquals(0, vietnam.leapMonth(2024));
        assertThrows(IllegalArgumentException.class, () -> vietnam.toSolar(new LunarDate(2024, 2, 1, true)),
                "2024 has no leap month");
        assertThrows(IllegalArgumentException.class, () -> vietnam.toSolar(new LunarDate(2023, 3, 1, true)),
                "2023's leap month is the 2nd");
    }

    /** Every day of 2000-2100 goes to the lunar calendar and back to itself. */
    @Test
    void roundTrip() {
        for (LocalDate d = LocalDate.of(2000, 1, 1); d.getYear() <= 2100; d = d.plusDays(1)) {
            assertEquals(d, vietnam.toSolar(vietnam.toLunar(d)), d.toString());
        }
    }

    @Test
    void outOfRange() {
        assertThrows(IllegalArgumentException.class, () -> vietnam.newYear(1700));
        int shortMonths = 0;
        for (int month = 1; month <= 12; month++) {
            LocalDate first = vietnam.toSolar(new LunarDate(2026, month, 1, false));
            LocalDate next = month == 12 ? vietnam.newYear(2027) : vietnam.toSolar(new LunarDate(2026, month + 1, 1, false));
            long length = next.toEpochDay() - first.toEpochDay();
            assertTrue(length == 29 || length == 30, month + ": " + length);
            if (length == 29) {
                shortMonths++;
                int m = month;
                assertThrows(IllegalArgumentException.class, () -> vietnam.toSolar(new LunarDate(2026, m, 30, false)));
            }
        }
        assertTrue(shortMonths > 0);
    }
}
