package vn.congso.admin.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.osgi.framework.Version;

/**
 * The jars of installed plugin versions, under {@code ${karaf.data}/congso/plugins/<bsn>/<version>.jar}:
 * the current version and the previous one, so that a failed upgrade can be undone and an
 * administrator can roll back. Older versions are deleted when a newer upgrade succeeds. Also
 * holds the staging folder for uploads under check.
 */
final class PluginStore {

    private final Path root;

    PluginStore(Path root) {
        this.root = root;
    }

    /** The folder where uploads wait while they are checked. */
    Path staging() {
        return root.resolve(".staging");
    }

    /**
     * Keeps a version's jar.
     *
     * @param ref the bundle
     * @param jar the checked jar
     * @return where it is kept
     */
    Path keep(BundleRef ref, Path jar) throws IOException {
        Path target = jarOf(ref);
        Files.createDirectories(target.getParent());
        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /**
     * The kept jar of a version.
     *
     * @param ref the bundle
     * @return the jar, when kept
     */
    Optional<Path> find(BundleRef ref) {
        Path jar = jarOf(ref);
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /**
     * The highest kept version below a given one: what a rollback returns to.
     *
     * @param symbolicName the plugin
     * @param below the current version
     * @return the previous version, when kept
     */
    Optional<String> previous(String symbolicName, String below) {
        Version limit = Version.parseVersion(below);
        return versions(symbolicName).stream().filter(v -> v.compareTo(limit) < 0).max(Comparator.naturalOrder())
                .map(Version::toString);
    }

    /**
     * Deletes every kept version except the ones given.
     *
     * @param symbolicName the plugin
     * @param keep the versions to keep
     */
    void retainOnly(String symbolicName, List<String> keep) throws IOException {
        for (Version v : versions(symbolicName)) {
            if (!keep.contains(v.toString())) {
                Files.deleteIfExists(jarOf(new BundleRef(symbolicName, v.toString())));
            }
        }
    }

    /**
     * Deletes a kept version.
     *
     * @param ref the version
     */
    void delete(BundleRef ref) throws IOException {
        Files.deleteIfExists(jarOf(ref));
    }

    /**
     * The newest kept version of a plugin, for purging after uninstall.
     *
     * @param symbolicName the plugin
     * @return its newest jar
     */
    Optional<Path> newest(String symbolicName) {
        return versions(symbolicName).stream().max(Comparator.naturalOrder())
                .map(v -> jarOf(new BundleRef(symbolicName, v.toString())));
    }

    private List<Version> versions(String symbolicName) {
        Path folder = folderOf(symbolicName);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                    .map(n -> n.substring(0, n.length() - 4)).flatMap(n -> {
                        try {
                            return Stream.of(Version.parseVersion(n));
                        } catch (IllegalArgumentException e) {
                            return Stream.empty();
                        }
                    }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Path jarOf(BundleRef ref) {
        return folderOf(ref.symbolicName()).resolve(Version.parseVersion(ref.version()) + ".jar");
    }

    private Path folderOf(String symbolicName) {
        if (symbolicName.contains("/") || symbolicName.contains("\\") || symbolicName.startsWith(".")) {
            throw new IllegalArgumentException("not a bundle symbolic name: " + symbolicName);
        }
        return root.resolve(symbolicName);
    }
}
