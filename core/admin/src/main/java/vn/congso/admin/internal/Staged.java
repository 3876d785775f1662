package vn.congso.admin.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An upload that passed the checks, with its dry run, waiting in a staging folder that
 * {@link #close()} removes.
 *
 * @param folder the staging folder of this upload
 * @param candidates its bundles, the plugin first
 * @param dryRun what installing it would do
 */
record Staged(Path folder, List<BundleCandidate> candidates, DryRun dryRun) implements AutoCloseable {

    BundleCandidate plugin() {
        return candidates.get(0);
    }

    @Override
    public void close() {
        deleteTree(folder);
    }

    static void deleteTree(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: the staging area is swept at the next activation
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
