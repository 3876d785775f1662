package vn.congso.api.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code maxBytes} bytes through and throws {@link UploadRefusedException}
 * ({@link UploadRefusedException.Reason#TOO_LARGE}) as soon as the source has one more: it never
 * reads more than {@code maxBytes + 1} bytes from the source, however large the source is.
 */
public final class BoundedInputStream extends FilterInputStream {

    private final long maxBytes;
    private long count;

    /**
     * @param in the source, closed with this stream
     * @param maxBytes how many bytes are allowed
     */
    public BoundedInputStream(InputStream in, long maxBytes) {
        super(in);
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes < 0");
        }
        this.maxBytes = maxBytes;
    }

    /** @return how many bytes were read so far */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        // Ask for no more than one byte past the limit, so a huge source is never drained.
        int allowed = (int) Math.max(1, Math.min(length, maxBytes - count + 1));
        int n = in.read(buffer, offset, allowed);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.max(0, Math.min(n, maxBytes - count + 1)));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws UploadRefusedException {
        count += n;
        if (count > maxBytes) {
            throw UploadRefusedException.tooLarge(maxBytes);
        }
    }
}
