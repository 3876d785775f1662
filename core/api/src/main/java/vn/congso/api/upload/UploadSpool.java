package vn.congso.api.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Receives one file: copies the stream into a temporary file through a
 * {@link BoundedInputStream}, so that a file over the limit is refused after at most
 * {@code maxBytes + 1} bytes and never held on the heap, then runs the content check on what
 * was received. On any refusal or failure the temporary file is deleted.
 */
public final class UploadSpool {

    private UploadSpool() {
    }

    /**
     * @param in the sender's stream; read, not closed
     * @param fileName the name the sender gave the file
     * @param maxBytes the size limit
     * @param check what the content must be
     * @return the received file; the caller closes it
     * @throws UploadRefusedException when the file is too large, empty or fails its check
     * @throws IOException when receiving fails
     */
    public static SpooledUpload spool(InputStream in, String fileName, long maxBytes, ContentCheck check)
            throws IOException {
        return spool(in, fileName, -1, maxBytes, check);
    }

    /**
     * Like {@link #spool(InputStream, String, long, ContentCheck)}, but a file whose sender
     * declared a size over the limit is refused before a single byte is read or anything is
     * written. The declared size is only ever used to refuse early: a file that declares less
     * than it sends is still stopped by the limit while it arrives.
     *
     * @param in the sender's stream; read, not closed
     * @param fileName the name the sender gave the file
     * @param declaredSize the size the sender declared, negative when unknown
     * @param maxBytes the size limit
     * @param check what the content must be
     * @return the received file; the caller closes it
     * @throws UploadRefusedException when the file is declared or found too large, empty or fails its check
     * @throws IOException when receiving fails
     * @since 1.1
     */
    public static SpooledUpload spool(InputStream in, String fileName, long declaredSize, long maxBytes,
            ContentCheck check) throws IOException {
        try {
            return receive(in, fileName, declaredSize, maxBytes, check);
        } catch (UploadRefusedException refused) {
            throw refused.ofFile(fileName);
        }
    }

    private static SpooledUpload receive(InputStream in, String fileName, long declaredSize, long maxBytes,
            ContentCheck check) throws IOException {
        if (declaredSize > maxBytes) {
            throw UploadRefusedException.tooLarge(maxBytes);
        }
        Path file = Files.createTempFile("congso-upload-", ".part");
        boolean kept = false;
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(file)) {
                size = new BoundedInputStream(in, maxBytes).transferTo(out);
            }
            if (size == 0) {
                throw new UploadRefusedException(UploadRefusedException.Reason.EMPTY, fileName);
            }
            String mediaType;
            try (InputStream content = Files.newInputStream(file)) {
                mediaType = check.check(fileName, content);
            }
            kept = true;
            return new SpooledUpload(fileName, file, size, mediaType);
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }
}
