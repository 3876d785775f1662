package vn.congso.admin.internal;

/**
 * Bounds on what an uploaded archive may expand to, checked by {@link ArchiveInspector} before and
 * while anything is inflated, so that a zip bomb is refused at its first breach.
 *
 * @param maxEntries the most entries one archive may list ({@code maxArchiveEntries})
 * @param maxInflatedBytes the most bytes all archives of one upload may inflate to, nested jars of
 *        a {@code .kar} included ({@code maxInflatedMegabytes})
 * @param maxRatio the highest inflated-to-compressed ratio of an entry larger than
 *        {@link #RATIO_FLOOR_BYTES} ({@code maxCompressionRatio})
 */
record ArchiveLimits(int maxEntries, long maxInflatedBytes, int maxRatio) {

    /** Entries smaller than this are not held to the ratio: tiny files compress oddly. */
    static final long RATIO_FLOOR_BYTES = 1024 * 1024;

    /** The defaults of {@link PluginAdminConfig}: 20,000 entries, 256 MB inflated, ratio 100. */
    static ArchiveLimits defaults() {
        return new ArchiveLimits(20_000, 256L * 1024 * 1024, 100);
    }
}
