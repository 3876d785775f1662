package vn.congso.data.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of {@link DerbyBackupService} (PID {@code vn.congso.data.backup}). */
@ObjectClassDefinition(name = "CongSo database backup",
        description = "Where online backups of the embedded Derby database are written.")
@interface BackupConfig {

    /**
     * The directory under which each backup gets its own dated folder.
     *
     * @return the directory, blank for {@code ${karaf.data}/backups}
     */
    @AttributeDefinition(name = "Backup directory",
            description = "Each backup goes into a new dated folder here. Empty means ${karaf.data}/backups.")
    String directory() default "";
}
