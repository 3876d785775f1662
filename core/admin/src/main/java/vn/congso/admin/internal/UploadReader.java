package vn.congso.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies an upload into a staging file, stopping as soon as it exceeds the size limit so that an
 * oversized upload never fills the disk.
 */
final class UploadReader {

    private final Path stagingDir;
    private final long maxBytes;

    UploadReader(Path stagingDir, long maxBytes) {
        this.stagingDir = stagingDir;
        this.maxBytes = maxBytes;
    }

    /**
     * Stages an upload.
     *
     * @param fileName the uploaded file's name (only its extension is used)
     * @param content the bytes; not closed
     * @return the staged file; the caller deletes it
     * @throws Refusal {@code plugin.refused.too-large} (args: file, limit in MB) or {@code plugin.refused.empty}
     * @throws IOException when the staging area cannot be written
     */
    Path stage(String fileName, InputStream content) throws Refusal, IOException {
        Files.createDirectories(stagingDir);
        Path file = Files.createTempFile(stagingDir, "upload-", fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".kar") ? ".kar" : ".jar");
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = content.read(buffer)) != -1;) {
                total += n;
                if (total > maxBytes) {
                    throw new Refusal("plugin.refused.too-large", fileName, maxBytes / (1024 * 1024));
                }
                out.write(buffer, 0, n);
            }
        } catch (Refusal | IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (total == 0) {
            Files.deleteIfExists(file);
            throw new Refusal("plugin.refused.empty", fileName);
        }
        return file;
    }
}
