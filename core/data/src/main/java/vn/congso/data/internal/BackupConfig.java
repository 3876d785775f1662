package vn.congso.data.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of {@link DerbyBackupService} and {@link ScheduledBackups} (PID
 * {@code vn.congso.data.backup}).
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/metatype", name = "%backup.name",
        description = "%backup.description")
@interface BackupConfig {

    /**
     * The directory under which each backup gets its own dated folder.
     *
     * @return the directory, blank for {@code ${karaf.data}/backups}
     */
    @AttributeDefinition(name = "%backup.directory.name", description = "%backup.directory.description")
    String directory() default "";

    /**
     * Whether a backup is made every day.
     *
     * @return {@code true} for daily backups
     */
    @AttributeDefinition(name = "%backup.scheduleEnabled.name", description = "%backup.scheduleEnabled.description")
    boolean scheduleEnabled() default true;

    /**
     * When the daily backup runs, Vietnam time.
     *
     * @return {@code HH:mm}
     */
    @AttributeDefinition(name = "%backup.scheduleTime.name", description = "%backup.scheduleTime.description")
    String scheduleTime() default "02:00";

    /**
     * How many dated backups to keep after a scheduled backup.
     *
     * @return at least 1
     */
    @AttributeDefinition(name = "%backup.keep.name", description = "%backup.keep.description", min = "1")
    int keep() default 7;
}
