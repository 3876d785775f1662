package vn.congso.data.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Names backup folders after the moment they were made, in Vietnam's time zone, so an
 * administrator can read them ({@code 2026-11-27_190512}); a second backup within the same
 * second gets a suffix ({@code 2026-11-27_190512-2}).
 */
final class BackupFolders {

    /** The zone administrators read times in. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss");

    private BackupFolders() {
    }

    /**
     * The name for a backup made now.
     *
     * @param clock the clock
     * @return the folder name
     */
    static String name(Clock clock) {
        return NAME.format(clock.instant().atZone(ZONE));
    }

    /**
     * A folder under {@code root} that does not exist yet, named for now.
     *
     * @param root the backup directory
     * @param clock the clock
     * @return the path to create
     */
    static Path newFolder(Path root, Clock clock) {
        String base = name(clock);
        Path candidate = root.resolve(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = root.resolve(base + "-" + n);
        }
        return candidate;
    }

    /**
     * The backup directory: the configured one, or {@code <karaf.data>/backups}.
     *
     * @param configured the configured directory, possibly blank
     * @param karafData the value of {@code karaf.data}, possibly null outside Karaf
     * @return the directory
     */
    static Path root(String configured, String karafData) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        return Path.of(karafData == null || karafData.isBlank() ? "data" : karafData, "backups");
    }
}
