package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.admin.internal.DryRun.Kind;

/** An upload over the limit is cut off while streaming: bounded reading, nothing kept. */
class UploadSpoolTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path work;

    /** An endless upload that counts what was read from it. */
    static final class EndlessUpload extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            read += len;
            return len;
        }
    }

    @Test
    void stopsReadingAnEndlessUploadOneByteAfterTheLimitAndKeepsNothing() throws Exception {
        EndlessUpload upload = new EndlessUpload();
        Optional<Path> spooled = UploadSpool.spool(upload, 5 * MB, work);
        assertTrue(spooled.isEmpty());
        assertEquals(5 * MB + 1, upload.read, "read exactly up to the first byte over the limit");
        try (var left = Files.list(work)) {
            assertEquals(0, left.count(), "the partial file is deleted");
        }
    }

    @Test
    void spoolsAnUploadWithinTheLimitToAFileNotTheHeap() throws Exception {
        byte[] content = new byte[3 * 64 * 1024 + 17];
        new java.util.Random(1).nextBytes(content);
        Path file = UploadSpool.spool(new ByteArrayInputStream(content), content.length, work).orElseThrow();
        assertArrayEquals(content, Files.readAllBytes(file));
        UploadSpool.delete(file);
    }

    @Test
    void theServiceSideAlsoStopsAtTheLimit() throws Exception {
        EndlessUpload upload = new EndlessUpload();
        UploadChecker checker = new UploadChecker(work.resolve("staging"), MB,
                new SignatureVerifier(new TrustStore(work.resolve("trust")), false), java.util.List::of,
                ArchiveLimits.defaults(), CorePolicy.of("congso-core-"));
        Refusal r = org.junit.jupiter.api.Assertions.assertThrows(Refusal.class,
                () -> checker.check(Kind.INSTALL, "endless.jar", upload));
        assertEquals("plugin.refused.too-large", r.problem().key());
        assertTrue(upload.read <= MB + 64 * 1024, "read " + upload.read);
    }
}
