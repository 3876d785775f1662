package vn.congso.data.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.congso.core.spi.MigrationStatus.Migration;

/**
 * The outcome of the last migration of each bundle, keyed by the build it was run for. Holds
 * one entry per bundle, so updating a bundle many times does not grow it. Not thread-safe: the
 * caller serialises migrations anyway.
 */
final class MigrationCache {

    private record Entry(MigrationKey key, Migration outcome) {
    }

    private final Map<String, Entry> byBundle = new HashMap<>();

    /**
     * The outcome recorded for exactly this build of the bundle.
     *
     * @param key the build
     * @return the outcome, or empty when this build has not been migrated yet
     */
    Optional<Migration> lookup(MigrationKey key) {
        Entry entry = byBundle.get(key.bundleSymbolicName());
        return entry != null && entry.key().equals(key) ? Optional.of(entry.outcome()) : Optional.empty();
    }

    /**
     * Records the outcome for a build, replacing that bundle's previous entry.
     *
     * @param key the build
     * @param outcome what happened
     */
    void put(MigrationKey key, Migration outcome) {
        byBundle.put(key.bundleSymbolicName(), new Entry(key, outcome));
    }

    /**
     * Forgets a bundle, for instance when it is uninstalled.
     *
     * @param bundleSymbolicName the bundle
     */
    void remove(String bundleSymbolicName) {
        byBundle.remove(bundleSymbolicName);
    }
}
