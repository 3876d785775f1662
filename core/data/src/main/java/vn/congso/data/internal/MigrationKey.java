package vn.congso.data.internal;

/**
 * Identifies one build of a bundle: a bundle's changelog is run once per key, so a restart of
 * the same build costs nothing and an updated bundle (new version or new last-modified time)
 * is migrated again.
 *
 * @param bundleSymbolicName the bundle
 * @param bundleVersion its version
 * @param lastModified when it was last installed or updated
 */
record MigrationKey(String bundleSymbolicName, String bundleVersion, long lastModified) {
}
