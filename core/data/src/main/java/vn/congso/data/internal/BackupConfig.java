package vn.congso.data.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of {@link DerbyBackupService} and {@link ScheduledBackups} (PID
 * {@code vn.congso.data.backup}).
 */
@ObjectClassDefinition(name = "CongSo database backup",
        description = "Where online backups of the embedded Derby database are written, and when they are made.")
@interface BackupConfig {

    /**
     * The directory under which each backup gets its own dated folder.
     *
     * @return the directory, blank for {@code ${karaf.data}/backups}
     */
    @AttributeDefinition(name = "Backup directory",
            description = "Each backup goes into a new dated folder here. Empty means ${karaf.data}/backups.")
    String directory() default "";

    /**
     * Whether a backup is made every day.
     *
     * @return {@code true} for daily backups
     */
    @AttributeDefinition(name = "Daily backup",
            description = "Make an online backup every day at the scheduled time. Turn off on PostgreSQL (use pg_dump).")
    boolean scheduleEnabled() default true;

    /**
     * When the daily backup runs, Vietnam time.
     *
     * @return {@code HH:mm}
     */
    @AttributeDefinition(name = "Time of day",
            description = "When the daily backup runs, HH:mm in Vietnam time (Asia/Ho_Chi_Minh).")
    String scheduleTime() default "02:00";

    /**
     * How many dated backups to keep after a scheduled backup.
     *
     * @return at least 1
     */
    @AttributeDefinition(name = "Backups kept",
            description = "After each scheduled backup, only the newest this many dated backup folders are kept; "
                    + "older ones are deleted. Folders not named like a backup are never touched.", min = "1")
    int keep() default 7;
}
