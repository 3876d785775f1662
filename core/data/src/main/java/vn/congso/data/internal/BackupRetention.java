package vn.congso.data.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which backups to delete so that only the newest {@code keep} remain. Only folders named like
 * a backup ({@code 2026-11-27_190512}, or {@code 2026-11-27_190512-2} for a second one within
 * the same second) count; anything else in the backup directory (a backup an administrator
 * renamed to keep it) is never deleted.
 */
final class BackupRetention {

    /** The name of a backup folder made by {@link BackupFolders}. */
    static final Pattern NAME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}_\\d{6}(-\\d{1,4})?");

    private BackupRetention() {
    }

    /**
     * Whether a folder name is a backup's.
     *
     * @param name a folder name
     * @return {@code true} for a dated backup folder
     */
    static boolean isBackup(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * The backups beyond the newest {@code keep}, oldest last.
     *
     * @param names the folder names in the backup directory
     * @param keep how many to keep, at least 1
     * @return the names to delete
     */
    static List<String> expired(Collection<String> names, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        return names.stream().filter(BackupRetention::isBackup).sorted(newestFirst()).skip(keep).toList();
    }

    /** Newest first: the date-time prefix sorts as text, then the same-second counter. */
    static Comparator<String> newestFirst() {
        Comparator<String> byTime = Comparator.comparing(n -> n.substring(0, 17));
        Comparator<String> byCounter = Comparator.comparingInt(BackupRetention::counter);
        return byTime.thenComparing(byCounter).reversed();
    }

    private static int counter(String name) {
        return name.length() > 17 ? Integer.parseInt(name.substring(18)) : 1;
    }
}
