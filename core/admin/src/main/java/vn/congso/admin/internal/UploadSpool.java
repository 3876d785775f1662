package vn.congso.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Receives an upload from the screen into a temporary file, never into the heap, and stops
 * reading at the first byte over the limit: an oversized upload costs at most the limit plus one
 * buffer of reading and no memory.
 */
public final class UploadSpool {

    private static final int BUFFER = 64 * 1024;

    private UploadSpool() {
    }

    /**
     * Spools a stream into a new temporary file ({@code java.io.tmpdir}, which Karaf points at
     * {@code ${karaf.data}/tmp}).
     *
     * @param content the upload; read until its end or one byte past the limit, not closed
     * @param maxBytes the largest accepted size
     * @return the file, which the caller deletes; empty when the upload is over the limit (nothing is left behind)
     * @throws IOException when the temporary file cannot be written or the upload breaks off
     */
    public static Optional<Path> spool(InputStream content, long maxBytes) throws IOException {
        return spool(content, maxBytes, Path.of(System.getProperty("java.io.tmpdir")));
    }

    static Optional<Path> spool(InputStream content, long maxBytes, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "congso-upload-", ".part");
        boolean keep = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int n; (n = content.read(buffer, 0, (int) Math.min(BUFFER, maxBytes + 1 - total))) > 0;) {
                total += n;
                if (total > maxBytes) {
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
            }
            keep = true;
            return Optional.of(file);
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Deletes a spooled file.
     *
     * @param file the file from {@link #spool}
     * @throws IOException when it cannot be deleted
     */
    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
