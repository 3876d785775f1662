package vn.congso.api.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A received file that passed its size limit and content check, held in a temporary file
 * (readable only by the server's user) rather than on the heap. Whoever holds it closes it,
 * which deletes the file.
 */
public final class SpooledUpload implements AutoCloseable {

    private final String fileName;
    private final Path file;
    private final long size;
    private final String mediaType;

    SpooledUpload(String fileName, Path file, long size, String mediaType) {
        this.fileName = fileName == null ? "" : fileName;
        this.file = Objects.requireNonNull(file, "file");
        this.size = size;
        this.mediaType = mediaType;
    }

    /** @return the name the sender gave the file (never used as a path) */
    public String fileName() {
        return fileName;
    }

    /** @return the number of bytes */
    public long size() {
        return size;
    }

    /** @return the media type the content check found, such as {@code text/plain} or {@code image/png} */
    public String mediaType() {
        return mediaType;
    }

    /**
     * @return a new stream over the content, to be closed by the caller
     * @throws IOException when the temporary file cannot be read
     */
    public InputStream openStream() throws IOException {
        return Files.newInputStream(file);
    }

    /**
     * The whole content; for consumers that need the bytes at once, within the limit that was
     * enforced when the file was received.
     *
     * @return the bytes
     * @throws IOException when the temporary file cannot be read
     */
    public byte[] readAllBytes() throws IOException {
        return Files.readAllBytes(file);
    }

    /** @return whether the temporary file still exists (false once closed) */
    public boolean exists() {
        return Files.exists(file);
    }

    /** Deletes the temporary file. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary upload " + file, e);
        }
    }
}
