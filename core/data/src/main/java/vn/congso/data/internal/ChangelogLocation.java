package vn.congso.data.internal;

/**
 * Where a bundle's changelog sits for Liquibase. Liquibase identifies a changeset by id, author
 * and changelog path in the shared {@code DATABASECHANGELOG} table, so two plugins that both
 * ship {@code db/changelog.xml} would clash; prefixing the path with the bundle's symbolic name
 * keeps every bundle's changesets apart.
 */
final class ChangelogLocation {

    private ChangelogLocation() {
    }

    /**
     * The changelog path as Liquibase sees (and records) it: {@code <symbolicName>/<path>}.
     *
     * @param bundleSymbolicName the bundle that carries the changelog
     * @param changelogHeader the value of the bundle's {@code CongSo-Changelog} header
     * @return the prefixed, normalised path
     * @throws IllegalArgumentException when the header is blank or leaves the bundle
     */
    static String logicalPath(String bundleSymbolicName, String changelogHeader) {
        return prefix(bundleSymbolicName) + bundlePath(changelogHeader);
    }

    /**
     * The prefix that {@link #logicalPath} puts before every path of one bundle.
     *
     * @param bundleSymbolicName the bundle
     * @return {@code <symbolicName>/}
     */
    static String prefix(String bundleSymbolicName) {
        if (bundleSymbolicName == null || bundleSymbolicName.isBlank() || bundleSymbolicName.contains("/")) {
            throw new IllegalArgumentException("not a bundle symbolic name: " + bundleSymbolicName);
        }
        return bundleSymbolicName.trim() + "/";
    }

    /**
     * The changelog's path inside the bundle, without leading slash or backslashes.
     *
     * @param changelogHeader the header value
     * @return the normalised path
     */
    static String bundlePath(String changelogHeader) {
        if (changelogHeader == null || changelogHeader.isBlank()) {
            throw new IllegalArgumentException("empty changelog header");
        }
        String path = changelogHeader.trim().replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("changelog path leaves the bundle: " + changelogHeader);
            }
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty changelog path: " + changelogHeader);
        }
        return path;
    }
}
