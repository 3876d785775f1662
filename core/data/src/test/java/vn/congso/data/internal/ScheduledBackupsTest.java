package vn.congso.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.health.HealthCheck;

class ScheduledBackupsTest {

    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T18:30:00Z"), ZoneOffset.UTC);

    @Test
    void plansTheNextRunAtTheConfiguredVietnamTimeAndReplansOnChange() throws Exception {
        DerbyBackupService service = new DerbyBackupService(TestDatabases.derby(dir.resolve("db/congso")),
                DerbyBackupServiceTest.config(dir.resolve("backups").toString()));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        ScheduledBackups scheduled = new ScheduledBackups(service,
                DerbyBackupServiceTest.config("", true, "02:00", 7), CLOCK, executor);
        assertEquals(Instant.parse("2026-12-03T19:00:00Z"), scheduled.nextRun());

        scheduled.modified(DerbyBackupServiceTest.config("", true, "01:00", 7));
        assertEquals(Instant.parse("2026-12-04T18:00:00Z"), scheduled.nextRun(), "01:00 has passed today: tomorrow");

        scheduled.modified(DerbyBackupServiceTest.config("", false, "01:00", 7));
        assertNull(scheduled.nextRun());
        assertEquals("off", scheduled.check().details().get("schedule"));

        scheduled.deactivate();
        assertTrue(executor.isTerminated(), "the scheduler thread stops on deactivation");
    }

    @Test
    void aRunBacksUpThenKeepsOnlyTheNewestAndLeavesOtherFoldersAlone() throws Exception {
        Path backups = dir.resolve("backups");
        for (String old : List.of("2026-01-01_020000", "2026-01-02_020000", "2026-01-03_020000")) {
            Files.createDirectories(backups.resolve(old).resolve("congso"));
        }
        Files.createDirectories(backups.resolve("before-upgrade/congso"));
        EmbeddedDataSource live = TestDatabases.derby(dir.resolve("db/congso"));
        DerbyBackupService service = new DerbyBackupService(live, DerbyBackupServiceTest.config(backups.toString()));
        ScheduledBackups scheduled = new ScheduledBackups(service,
                DerbyBackupServiceTest.config(backups.toString(), true, "02:00", 2), CLOCK,
                Executors.newSingleThreadScheduledExecutor());
        try {
            ScheduledBackups.LastRun run = scheduled.runOnce();

            assertTrue(run.succeeded());
            assertEquals(2, run.deleted());
            List<String> left = service.backups();
            assertEquals(2, left.size(), left.toString());
            assertEquals("2026-01-03_020000", left.get(1));
            assertTrue(Files.isDirectory(backups.resolve(left.get(0)).resolve("congso/seg0")), "a real Derby backup");
            assertTrue(Files.isDirectory(backups.resolve("before-upgrade")), "a renamed backup is never deleted");
            assertFalse(Files.exists(backups.resolve("2026-01-01_020000")));

            HealthCheck.Result health = scheduled.check();
            assertEquals(HealthCheck.Status.UP, health.status());
            @SuppressWarnings("unchecked")
            Map<String, Object> last = (Map<String, Object>) health.details().get("lastRun");
            assertEquals("SUCCESS", last.get("outcome"));
            assertEquals("2026-12-03T18:30:00Z", last.get("finishedAt"));
        } finally {
            scheduled.deactivate();
        }
    }

    @Test
    void aFailedRunIsReportedDownWithoutItsPathAndTheNextSuccessClearsIt() throws Exception {
        Path blocked = dir.resolve("not-a-directory");
        Files.writeString(blocked, "a file where the backup directory should be");
        EmbeddedDataSource live = TestDatabases.derby(dir.resolve("db/congso"));
        DerbyBackupService service = new DerbyBackupService(live, DerbyBackupServiceTest.config(blocked.toString()));
        ScheduledBackups scheduled = new ScheduledBackups(service,
                DerbyBackupServiceTest.config(blocked.toString(), true, "02:00", 2), CLOCK,
                Executors.newSingleThreadScheduledExecutor());
        try {
            assertFalse(scheduled.runOnce().succeeded());
            HealthCheck.Result health = scheduled.check();
            assertEquals(HealthCheck.Status.DOWN, health.status());
            assertFalse(health.details().toString().contains(dir.toString()), health.details().toString());

            Files.delete(blocked);
            service.modified(DerbyBackupServiceTest.config(dir.resolve("backups").toString()));
            assertTrue(scheduled.runOnce().succeeded());
            assertEquals(HealthCheck.Status.UP, scheduled.check().status());
        } finally {
            scheduled.deactivate();
        }
    }
}
