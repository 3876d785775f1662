package vn.congso.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The first checks of an uploaded jar: that it is a complete zip archive and carries an OSGi
 * bundle manifest.
 */
final class ArchiveInspector {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private ArchiveInspector() {
    }

    /**
     * Checks that a file is a complete zip archive.
     *
     * @param file the staged file
     * @param fileName the name the user gave it
     * @throws Refusal {@code plugin.refused.not-a-zip} when it does not start like a zip,
     *         {@code plugin.refused.truncated} when it does but cannot be read to its end
     */
    static void requireZip(Path file, String fileName) throws Refusal, IOException {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        }
        if (read < 4 || !java.util.Arrays.equals(head, ZIP_MAGIC)) {
            throw new Refusal("plugin.refused.not-a-zip", fileName);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            // Reading every entry's header catches archives cut anywhere, not only in the central directory.
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new Refusal("plugin.refused.truncated", fileName, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Reads the bundle manifest of a complete jar.
     *
     * @param file the staged jar
     * @param fileName the name the user gave it
     * @return the candidate bundle
     * @throws Refusal {@code plugin.refused.no-manifest}, {@code plugin.refused.not-a-bundle},
     *         {@code plugin.refused.bad-manifest}
     */
    static BundleCandidate readBundle(Path file, String fileName) throws Refusal, IOException {
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile(), false)) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            throw new Refusal("plugin.refused.bad-manifest", fileName, String.valueOf(e.getMessage()));
        }
        if (manifest == null) {
            throw new Refusal("plugin.refused.no-manifest", fileName);
        }
        try {
            return BundleCandidate.read(file, manifest);
        } catch (Refusal r) {
            // Name the file as the user knows it, not the staging file.
            Problem p = r.problem();
            throw new Refusal(p.key(), fileName, p.args().size() > 1 ? p.args().get(1) : "");
        }
    }
}
