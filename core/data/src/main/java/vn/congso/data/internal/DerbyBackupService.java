package vn.congso.data.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.core.spi.BackupService;
import vn.congso.api.security.AccessDeniedException;

/**
 * Online, consistent backups of the embedded Derby database with
 * {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}: the platform keeps serving while Derby copies the
 * database into a new dated folder. Restoring is an offline step (see the module's README).
 */
@Component(configurationPid = DerbyBackupService.PID, service = {BackupService.class, DerbyBackupService.class})
@Designate(ocd = BackupConfig.class)
public class DerbyBackupService implements BackupService {

    /** The configuration PID. */
    static final String PID = "vn.congso.data.backup";
    /** The permission a user needs to back up. */
    static final String PERMISSION = "platform:backup";
    /** The audit log's name for a backup. */
    static final String AUDIT_ACTION = "data.backup";
    /** The audit log's actor for scheduled backups. */
    static final String SCHEDULER_ACTOR = "system:backup-schedule";

    private final Logger log = LoggerFactory.getLogger(DerbyBackupService.class);
    private final DataSource dataSource;
    private final Clock clock = Clock.systemUTC();
    private volatile Path root;

    /**
     * Who is asking; absent until the security bundle runs, and then nobody may back up
     * through this service (the shell command does not go through it).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CurrentUserService currentUserService;

    /** Where backups and refusals are recorded; absent until the security bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    /**
     * Creates the service.
     *
     * @param dataSource the platform data source
     * @param config where backups go
     */
    @Activate
    public DerbyBackupService(@Reference(target = DatabaseComponent.DATA_SOURCE_TARGET) DataSource dataSource,
            BackupConfig config) {
        this.dataSource = dataSource;
        modified(config);
    }

    /**
     * Applies a new backup directory without a restart.
     *
     * @param config the configuration
     */
    @Modified
    void modified(BackupConfig config) {
        root = BackupFolders.root(config.directory(), System.getProperty("karaf.data"));
    }

    @Override
    public Path backup() throws IOException {
        CurrentUserService users = currentUserService;
        if (users == null || !users.current().isPermitted(PERMISSION)) {
            audit(null, Outcome.DENIED, "", "missing " + PERMISSION);
            throw new AccessDeniedException(PERMISSION);
        }
        return audited();
    }

    /**
     * Backs up for the Karaf console, whose users are administrators already, so no platform
     * permission is checked; the audit log names the console user.
     *
     * @param actor the console user, such as {@code console:admin}
     * @return the folder holding the backup; the database itself is its {@code congso} subfolder
     * @throws IOException when the backup cannot be written
     */
    public Path backupForConsole(String actor) throws IOException {
        try {
            Path folder = backupUnchecked();
            audit(actor, Outcome.SUCCESS, folder.toString(), "");
            return folder;
        } catch (IOException | RuntimeException e) {
            audit(actor, Outcome.FAILURE, "", e.getMessage());
            throw e;
        }
    }

    /**
     * Backs up for the daily schedule; the audit log names {@value #SCHEDULER_ACTOR}.
     *
     * @return the folder holding the backup
     * @throws IOException when the backup cannot be written
     */
    Path backupScheduled() throws IOException {
        return backupForConsole(SCHEDULER_ACTOR);
    }

    /**
     * The backup directory now.
     *
     * @return the directory, which may not exist yet
     */
    public Path root() {
        return root;
    }

    /**
     * The backups in the backup directory, newest first: the only names a restore accepts.
     *
     * @return dated folder names holding a database ({@code <name>/congso})
     * @throws IOException when the directory cannot be read
     */
    public List<String> backups() throws IOException {
        Path base = root;
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(base)) {
            return folders.filter(f -> Files.isDirectory(f.resolve("congso")))
                    .map(f -> f.getFileName().toString()).filter(BackupRetention::isBackup)
                    .sorted(BackupRetention.newestFirst()).toList();
        }
    }

    /** Backs up and records the outcome under whoever is current. */
    private Path audited() throws IOException {
        try {
            Path folder = backupUnchecked();
            audit(null, Outcome.SUCCESS, folder.toString(), "");
            return folder;
        } catch (IOException | RuntimeException e) {
            audit(null, Outcome.FAILURE, "", e.getMessage());
            throw e;
        }
    }

    /** Records a backup or a refusal; {@code actor} null means whoever is current. */
    private void audit(String actor, Outcome outcome, String target, String detail) {
        AuditLog log = auditLog;
        if (log == null) {
            return;
        }
        String text = detail == null ? "" : detail;
        if (actor == null) {
            log.record(AUDIT_ACTION, target, outcome, text);
        } else {
            log.record(actor, "", AUDIT_ACTION, target, outcome, text);
        }
    }

    /** The backup itself; callers check permissions and audit. */
    private Path backupUnchecked() throws IOException {
        Path base = root;
        Files.createDirectories(base);
        Path folder;
        synchronized (this) { // two backups in the same second get distinct folders
            folder = BackupFolders.newFolder(base, clock);
            Files.createDirectories(folder);
        }
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"Apache Derby".equals(product)) {
                Files.deleteIfExists(folder);
                throw new UnsupportedOperationException(
                        "Online backup is for the embedded Derby database; back up " + product + " with its own tools");
            }
            try (PreparedStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, folder.toAbsolutePath().toString());
                call.execute();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IOException("Backup into " + folder + " failed: " + e.getMessage(), e);
        }
        log.info("Database backed up into {} in {} ms", folder, (System.nanoTime() - start) / 1_000_000);
        return folder;
    }
}
