package vn.congso.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFoldersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:05:09Z"), ZoneOffset.UTC);

    @Test
    void namesFoldersInVietnamTime() {
        assertEquals("2026-11-27_190509", BackupFolders.name(CLOCK));
    }

    @Test
    void aSecondBackupInTheSameSecondGetsASuffix(@TempDir Path root) throws Exception {
        Path first = BackupFolders.newFolder(root, CLOCK);
        Files.createDirectories(first);
        assertEquals(root.resolve("2026-11-27_190509-2"), BackupFolders.newFolder(root, CLOCK));
    }

    @Test
    void defaultsToKarafDataBackups() {
        assertEquals(Path.of("/srv/karaf/data", "backups"), BackupFolders.root("", "/srv/karaf/data"));
        assertEquals(Path.of("/mnt/nas/congso"), BackupFolders.root(" /mnt/nas/congso ", "/srv/karaf/data"));
    }
}
