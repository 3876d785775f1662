package vn.congso.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;

class DerbyBackupServiceTest {

    @TempDir
    Path dir;

    static BackupConfig config(String directory) {
        return config(directory, true, "02:00", 7);
    }

    static BackupConfig config(String directory, boolean enabled, String time, int keep) {
        return new BackupConfig() {
            @Override
            public String directory() {
                return directory;
            }

            @Override
            public boolean scheduleEnabled() {
                return enabled;
            }

            @Override
            public String scheduleTime() {
                return time;
            }

            @Override
            public int keep() {
                return keep;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return BackupConfig.class;
            }
        };
    }

    @Test
    void backsUpOnlineIntoADatedFolderThatRestoresTheSameRows() throws Exception {
        EmbeddedDataSource live = TestDatabases.derby(dir.resolve("db/congso"));
        new LiquibaseMigrator(live, Clock.systemUTC()).migrate(new MigrationKey("vn.test.alpha", "1", 1),
                "db/changelog.xml", TestDatabases.plugin("alpha"));
        try (Connection c = live.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO alpha_item (id, title) VALUES (?, ?)")) {
            ps.setLong(1, 2);
            ps.setString(2, "Tạm biệt");
            ps.executeUpdate();
        }

        DerbyBackupService service = new DerbyBackupService(live, config(dir.resolve("backups").toString()));
        Path folder = service.backupForConsole("console:test");

        assertEquals(dir.resolve("backups"), folder.getParent());
        assertTrue(Files.isDirectory(folder.resolve("congso")), "Derby writes the database as <folder>/congso");
        EmbeddedDataSource restored = new EmbeddedDataSource();
        restored.setDatabaseName(dir.resolve("restored").toString());
        restored.setConnectionAttributes("restoreFrom=" + folder.resolve("congso"));
        assertEquals(TestDatabases.count(live, "alpha_item"), TestDatabases.count(restored, "alpha_item"));
        assertEquals(TestDatabases.count(live, "DATABASECHANGELOG"),
                TestDatabases.count(restored, "DATABASECHANGELOG"));
    }

    @Test
    void theServiceRefusesWithoutTheBackupPermission() {
        EmbeddedDataSource live = TestDatabases.derby(dir.resolve("db/congso"));
        DerbyBackupService service = new DerbyBackupService(live, config(dir.resolve("backups").toString()));
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, service::backup);
        assertEquals("platform:backup", denied.permission());
    }
}
