package vn.congso.api.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The server-side limits of every upload (issue 12, point 5). */
class UploadSpoolTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /** An endless stream that counts what was taken from it. */
    static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'a');
            read += len;
            return len;
        }
    }

    @Test
    void aStreamOverTheLimitIsRefusedWithoutBeingReadToTheEndAndLeavesNoFile() throws IOException {
        Endless sender = new Endless();
        List<Path> before = spools();
        UploadRefusedException refused = assertThrows(UploadRefusedException.class,
                () -> UploadSpool.spool(sender, "huge.gift", 1024 * 1024, ContentCheck.utf8Text()));
        assertEquals(UploadRefusedException.Reason.TOO_LARGE, refused.reason());
        assertEquals("upload.refused.too-large", refused.key());
        assertEquals(List.of(1L), refused.args());
        assertEquals("huge.gift", refused.fileName());
        assertEquals(1024 * 1024 + 1, sender.read, "read one byte past the limit, no more");
        assertEquals(before, spools(), "the temporary file is deleted");
    }

    @Test
    void aFileAtTheLimitIsAcceptedAndItsTemporaryFileGoesWhenClosed() throws IOException {
        byte[] text = "::Q::Thủ đô? {=Hà Nội ~Huế}\n".getBytes(StandardCharsets.UTF_8);
        SpooledUpload upload = UploadSpool.spool(new ByteArrayInputStream(text), "q.gift", text.length,
                ContentCheck.utf8Text());
        assertEquals(text.length, upload.size());
        assertEquals("text/plain", upload.mediaType());
        assertArrayEquals(text, upload.readAllBytes());
        assertTrue(upload.exists());
        upload.close();
        assertFalse(upload.exists());
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedBeforeAnythingIsReadOrWritten() throws IOException {
        Endless sender = new Endless();
        List<Path> before = spools();
        UploadRefusedException refused = assertThrows(UploadRefusedException.class,
                () -> UploadSpool.spool(sender, "big.jar", 5L * 1024 * 1024 + 1, 5L * 1024 * 1024, (name, in) -> {
                    throw new AssertionError("the check must not run");
                }));
        assertEquals(UploadRefusedException.Reason.TOO_LARGE, refused.reason());
        assertEquals(List.of(5L), refused.args());
        assertEquals("big.jar", refused.fileName(), "the screen can name the refused file");
        assertEquals(0, sender.read, "not a byte is read");
        assertEquals(before, spools(), "no temporary file is created");
        // A sender that declares less than it sends is still stopped by the limit while it arrives.
        Endless liar = new Endless();
        assertThrows(UploadRefusedException.class, () -> UploadSpool.spool(liar, "small.jar", 10, 1024,
                (name, in) -> "application/zip"));
        assertEquals(1024 + 1, liar.read);
        assertEquals(before, spools(), "the temporary file is deleted");
    }

    @Test
    void aBinaryFileOfSeveralBuffersIsSpooledByteForByteToAFileNotTheHeap() throws IOException {
        byte[] content = new byte[3 * 64 * 1024 + 17];
        new java.util.Random(1).nextBytes(content);
        try (SpooledUpload upload = UploadSpool.spool(new ByteArrayInputStream(content), "plugin.jar", content.length,
                content.length, (name, in) -> "application/octet-stream")) {
            assertEquals(content.length, upload.size());
            assertArrayEquals(content, upload.readAllBytes());
            try (InputStream again = upload.openStream()) {
                assertArrayEquals(content, again.readAllBytes());
            }
        }
    }

    @Test
    void aBinaryFileNamedGiftIsRefusedAtItsLine() {
        byte[] binary = {'l', 'i', 'n', 'e', '\n', 'x', 0, 1, 2, (byte) 0xFF};
        UploadRefusedException refused = assertThrows(UploadRefusedException.class,
                () -> UploadSpool.spool(new ByteArrayInputStream(binary), "bank.gift", 1000, ContentCheck.utf8Text()));
        assertEquals(UploadRefusedException.Reason.NOT_TEXT, refused.reason());
        assertEquals(2, refused.line());
        // Latin-1 text is not UTF-8 either, and neither is a lone continuation byte.
        assertThrows(UploadRefusedException.class, () -> ContentCheck.utf8Text().check("a.csv",
                new ByteArrayInputStream("Nguy\u1EC5n".getBytes(StandardCharsets.UTF_16LE))));
        assertThrows(UploadRefusedException.class, () -> ContentCheck.utf8Text().check("a.csv",
                new ByteArrayInputStream(new byte[] {'a', (byte) 0xE9, 'b'})));
        assertThrows(UploadRefusedException.class, () -> ContentCheck.utf8Text().check("a.csv",
                new ByteArrayInputStream(new byte[] {'a', (byte) 0xE1, (byte) 0xBB})));
    }

    @Test
    void anEmptyFileIsRefused() {
        UploadRefusedException refused = assertThrows(UploadRefusedException.class,
                () -> UploadSpool.spool(new ByteArrayInputStream(new byte[0]), "u.csv", 10, ContentCheck.utf8Text()));
        assertEquals(UploadRefusedException.Reason.EMPTY, refused.reason());
    }

    @Test
    void anAttachmentWhoseContentAndExtensionDisagreeIsRefused() throws IOException {
        ContentCheck images = ContentCheck.oneOf(FileType.PDF, FileType.PNG, FileType.JPEG);
        assertEquals("image/png", images.check("so-do.png", new ByteArrayInputStream(PNG)));
        // A PNG called .pdf, a PDF called .exe, a script called .png, and a ZIP (allowed elsewhere).
        for (String[] bad : new String[][] {{"so-do.pdf", "png"}, {"setup.exe", "pdf"}, {"anh.png", "script"},
                {"anh.png", "zip"}}) {
            byte[] content = switch (bad[1]) {
                case "png" -> PNG;
                case "pdf" -> "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
                case "zip" -> new byte[] {'P', 'K', 3, 4, 0, 0};
                default -> "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
            };
            UploadRefusedException refused = assertThrows(UploadRefusedException.class,
                    () -> images.check(bad[0], new ByteArrayInputStream(content)), bad[0]);
            assertEquals(UploadRefusedException.Reason.WRONG_TYPE, refused.reason());
            assertEquals(bad[0], refused.args().get(0));
        }
    }

    @Test
    void xmlMustBeWellFormedWithTheExpectedRootAndWithoutADoctype() throws IOException {
        ContentCheck quiz = ContentCheck.xml("quiz");
        assertEquals("application/xml", quiz.check("q.xml", stream("<?xml version=\"1.0\"?>\n<quiz><question/></quiz>")));
        UploadRefusedException broken = assertThrows(UploadRefusedException.class,
                () -> quiz.check("q.xml", stream("<quiz>\n<question>\n</quiz>")));
        assertEquals(UploadRefusedException.Reason.NOT_XML, broken.reason());
        assertEquals(3, broken.line());
        assertThrows(UploadRefusedException.class, () -> quiz.check("q.xml", stream("<html><body/></html>")));
        assertThrows(UploadRefusedException.class, () -> quiz.check("q.xml", stream(
                "<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><quiz>&x;</quiz>")));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> spools() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("congso-upload-")).sorted().toList();
        }
    }
}
