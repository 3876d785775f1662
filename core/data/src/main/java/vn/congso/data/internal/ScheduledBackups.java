package vn.congso.data.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.health.HealthCheck;

/**
 * The daily online backup: one scheduler thread of its own ({@code congso-backup-schedule}),
 * stopped on deactivation, runs {@link DerbyBackupService} at the configured time of day in
 * Vietnam time, then deletes the dated backups beyond the newest {@code keep}. A failed run is
 * logged as an error, audited, and makes the {@code backups} health check report down until the
 * next run succeeds.
 */
@Component(immediate = true, configurationPid = DerbyBackupService.PID,
        service = {ScheduledBackups.class, HealthCheck.class})
public class ScheduledBackups implements HealthCheck {

    /**
     * The outcome of the last scheduled run.
     *
     * @param finishedAt when it ended
     * @param succeeded whether the backup was written
     * @param millis how long it took
     * @param deleted how many old backups were deleted
     */
    record LastRun(Instant finishedAt, boolean succeeded, long millis, int deleted) {
    }

    private final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);
    private final DerbyBackupService backups;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> next;
    private volatile Instant nextRun;
    private volatile BackupSchedule schedule;
    private volatile boolean enabled;
    private volatile int keep;
    private volatile LastRun lastRun;

    /**
     * Creates the schedule and plans the first run.
     *
     * @param backups the backup service
     * @param config when to back up and how many backups to keep
     */
    @Activate
    public ScheduledBackups(@Reference DerbyBackupService backups, BackupConfig config) {
        this(backups, config, Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "congso-backup-schedule");
            thread.setDaemon(true);
            return thread;
        }));
    }

    ScheduledBackups(DerbyBackupService backups, BackupConfig config, Clock clock, ScheduledExecutorService scheduler) {
        this.backups = backups;
        this.clock = clock;
        this.scheduler = scheduler;
        modified(config);
    }

    /**
     * Applies a new time, switch or retention, replanning the next run.
     *
     * @param config the configuration
     */
    @Modified
    synchronized void modified(BackupConfig config) {
        BackupSchedule parsed;
        try {
            parsed = BackupSchedule.parse(config.scheduleTime(), BackupFolders.ZONE);
        } catch (IllegalArgumentException e) {
            parsed = BackupSchedule.parse("02:00", BackupFolders.ZONE);
            log.error("Invalid {} scheduleTime: {}; backing up at 02:00 instead", DerbyBackupService.PID, e.getMessage());
        }
        schedule = parsed;
        keep = Math.max(1, config.keep());
        enabled = config.scheduleEnabled();
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        nextRun = null;
        if (enabled) {
            planNext();
            log.info("Scheduled database backups {}, keeping the newest {}; next at {}", schedule, keep, nextRun);
        } else {
            log.info("Scheduled database backups are off ({} scheduleEnabled=false)", DerbyBackupService.PID);
        }
    }

    /** Stops the scheduler thread; a backup in progress is interrupted only after 30 s. */
    @Deactivate
    void deactivate() throws InterruptedException {
        scheduler.shutdownNow();
        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("The backup scheduler did not stop within 30 s");
        }
    }

    private synchronized void planNext() {
        if (!enabled || scheduler.isShutdown()) {
            return;
        }
        Instant now = clock.instant();
        nextRun = schedule.nextAfter(now);
        next = scheduler.schedule(this::runAndPlan, Duration.between(now, nextRun).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runAndPlan() {
        try {
            runOnce();
        } finally {
            planNext();
        }
    }

    /**
     * One scheduled run: the backup, then the retention. Never throws: the outcome is logged,
     * audited by the backup service and kept for {@link #check()}.
     *
     * @return the outcome
     */
    LastRun runOnce() {
        long start = System.nanoTime();
        boolean succeeded = false;
        int deleted = 0;
        try {
            Path folder = backups.backupScheduled();
            succeeded = true;
            deleted = deleteExpired();
            log.info("Scheduled backup written to {}; {} old backup(s) deleted", folder, deleted);
        } catch (IOException | RuntimeException e) {
            log.error("SCHEDULED DATABASE BACKUP FAILED: {}. /health reports backups DOWN until a backup succeeds; "
                    + "run congso:backup by hand and check the disk.", e.getMessage(), e);
        }
        LastRun run = new LastRun(clock.instant(), succeeded, (System.nanoTime() - start) / 1_000_000, deleted);
        lastRun = run;
        return run;
    }

    /** Deletes the dated backups beyond the newest {@code keep}; returns how many. */
    private int deleteExpired() throws IOException {
        Path root = backups.root();
        List<String> names = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(Files::isDirectory).forEach(f -> names.add(f.getFileName().toString()));
        }
        int deleted = 0;
        for (String name : BackupRetention.expired(names, keep)) {
            deleteTree(root.resolve(name));
            log.info("Deleted old backup {} (keeping the newest {})", name, keep);
            deleted++;
        }
        return deleted;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * When the next scheduled backup runs.
     *
     * @return the instant, or null when scheduled backups are off
     */
    Instant nextRun() {
        return nextRun;
    }

    @Override
    public String name() {
        return "backups";
    }

    @Override
    public Result check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("schedule", enabled ? schedule.toString() : "off");
        details.put("keep", keep);
        Instant planned = nextRun;
        details.put("nextRun", planned == null ? null : planned.toString());
        LastRun run = lastRun;
        if (run == null) {
            details.put("lastRun", null);
            return Result.up(details);
        }
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("finishedAt", run.finishedAt().toString());
        last.put("outcome", run.succeeded() ? "SUCCESS" : "FAILURE");
        last.put("millis", run.millis());
        last.put("deletedOld", run.deleted());
        details.put("lastRun", last);
        return run.succeeded() ? Result.up(details) : Result.down(details);
    }
}
