package vn.congso.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BackupScheduleTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void runsLaterTodayWhenTheTimeIsStillAhead() {
        BackupSchedule schedule = BackupSchedule.parse("02:00", VIETNAM);
        // 01:30 in Vietnam (UTC+7) is 18:30 UTC the day before.
        Instant now = Instant.parse("2026-12-03T18:30:00Z");
        assertEquals(Instant.parse("2026-12-03T19:00:00Z"), schedule.nextAfter(now));
    }

    @Test
    void runsTomorrowWhenTodaysTimeHasPassedOrIsNow() {
        BackupSchedule schedule = BackupSchedule.parse("02:00", VIETNAM);
        Instant exactly = Instant.parse("2026-12-03T19:00:00Z");
        assertEquals(Instant.parse("2026-12-04T19:00:00Z"), schedule.nextAfter(exactly),
                "a run that just fired must not be planned again for the same instant");
        assertEquals(Instant.parse("2026-12-04T19:00:00Z"), schedule.nextAfter(Instant.parse("2026-12-04T01:00:00Z")));
    }

    @Test
    void readsTheTimeInVietnamNotUtc() {
        BackupSchedule schedule = BackupSchedule.parse("23:45", VIETNAM);
        // Just after midnight UTC on the 4th it is 07:00 on the 4th in Vietnam: next is 23:45 on the 4th, 16:45 UTC.
        assertEquals(Instant.parse("2026-12-04T16:45:00Z"), schedule.nextAfter(Instant.parse("2026-12-04T00:00:01Z")));
    }

    @Test
    void crossesMonthAndYearEnds() {
        BackupSchedule schedule = BackupSchedule.parse("2:05", VIETNAM);
        assertEquals(Instant.parse("2026-12-31T19:05:00Z"), schedule.nextAfter(Instant.parse("2026-12-31T19:06:00Z"))
                .minusSeconds(86_400));
        assertEquals(Instant.parse("2027-01-01T19:05:00Z"), schedule.nextAfter(Instant.parse("2026-12-31T19:06:00Z")));
    }

    @Test
    void refusesATextThatIsNotATimeOfDay() {
        for (String bad : new String[] {"", "25:00", "2am", "02:00:00x", null}) {
            assertThrows(IllegalArgumentException.class, () -> BackupSchedule.parse(bad, VIETNAM), String.valueOf(bad));
        }
    }

    @Test
    void saysWhenItRunsForTheHealthReport() {
        assertEquals("daily at 02:05 Asia/Ho_Chi_Minh", BackupSchedule.parse("2:05", VIETNAM).toString());
    }
}
