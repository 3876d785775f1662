package vn.congso.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackupRetentionTest {

    @Test
    void keepsTheNewestAndDeletesTheRestOldestLast() {
        List<String> names = List.of("2026-12-01_020000", "2026-12-03_020000", "2026-12-02_020000",
                "2026-11-30_020000", "2026-12-03_020000-2");
        assertEquals(List.of("2026-12-01_020000", "2026-11-30_020000"), BackupRetention.expired(names, 3));
    }

    @Test
    void aSecondBackupInTheSameSecondIsNewerThanTheFirst() {
        List<String> names = List.of("2026-12-03_020000-2", "2026-12-03_020000", "2026-12-03_020000-10");
        assertEquals(List.of("2026-12-03_020000"), BackupRetention.expired(names, 2));
    }

    @Test
    void neverDeletesFoldersNotNamedLikeABackup() {
        List<String> names = List.of("before-upgrade", "2026-12-01_020000", "2026-12-02_020000", "../2020-01-01_000000",
                "2020-01-01_000000.old", "notes.txt");
        assertEquals(List.of("2026-12-01_020000"), BackupRetention.expired(names, 1));
    }

    @Test
    void keepsEverythingWhenThereAreFewerThanKeep() {
        assertEquals(List.of(), BackupRetention.expired(List.of("2026-12-01_020000"), 7));
    }

    @Test
    void refusesToKeepNone() {
        assertThrows(IllegalArgumentException.class, () -> BackupRetention.expired(List.of(), 0));
    }

    @Test
    void recognisesBackupNames() {
        assertTrue(BackupRetention.isBackup("2026-11-27_190512"));
        assertTrue(BackupRetention.isBackup("2026-11-27_190512-2"));
        assertFalse(BackupRetention.isBackup("2026-11-27_190512/../x"));
        assertFalse(BackupRetention.isBackup("/tmp/2026-11-27_190512"));
        assertFalse(BackupRetention.isBackup(null));
    }
}
