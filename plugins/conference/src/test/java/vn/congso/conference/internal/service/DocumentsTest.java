package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.upload.UploadRefusedException;
import vn.congso.api.web.PublicLinks;

/** Documents attached to meetings: limits while streaming, types from the content, who may see them, removal, e-mail links. */
class DocumentsTest {

    @TempDir
    Path folder;

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 7, 30);
    private static final long MB = 1024 * 1024;

    private ConferenceFixture f;
    private MeetingDocuments documents;
    private long meeting;

    private void setUp(int maxCount) throws Exception {
        f = new ConferenceFixture(folder, false);
        documents = new MeetingDocuments(f.database, f::user, f.audit, f.clock, new MeetingDocuments.Limits(MB, maxCount));
        // Meeting of the hub and commune 1 (contact "kythuat.xa-1").
        meeting = f.service.book(BookingTest.single("Giao ban", Set.of(f.pointIds.get(0), f.pointIds.get(1)),
                f.pointIds.get(0), MONDAY, MONDAY.plusHours(1))).meetingId();
    }

    @Test
    void eachAllowedTypeIsStoredWithTheTypeItsContentShows() throws Exception {
        setUp(10);
        assertEquals("application/pdf", attach("bao-cao.pdf", pdf()).mediaType());
        assertEquals("image/png", attach("so-do.png", png()).mediaType());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                attach("Giấy mời.docx", office("word/document.xml")).mediaType());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                attach("so-lieu.xlsx", office("xl/workbook.xml")).mediaType());
        assertEquals("application/vnd.openxmlformats-officedocument.presentationml.presentation",
                attach("trinh-chieu.pptx", office("ppt/presentation.xml")).mediaType());
        List<MeetingDocuments.Document> all = documents.documents(meeting);
        assertEquals(List.of("bao-cao.pdf", "so-do.png", "Giấy mời.docx", "so-lieu.xlsx", "trinh-chieu.pptx"),
                all.stream().map(MeetingDocuments.Document::fileName).toList());
        assertArrayEquals(office("word/document.xml"), documents.download(all.get(2).id()).content());
    }

    @Test
    void contentThatIsNotWhatItsNameSaysIsRefusedAndNothingIsStored() throws Exception {
        setUp(10);
        byte[] exe = "MZ\u0090\u0000 this program cannot be run".getBytes(StandardCharsets.ISO_8859_1);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        for (Object[] c : new Object[][] {{"bao-cao.pdf", exe}, {"anh.png", html}, {"bao-cao.pdf", png()},
                {"giay-moi.docx", office("xl/workbook.xml")}, {"giay-moi.docx", zip("readme.txt")},
                {"macro.docx", office("word/document.xml", "word/vbaProject.bin")}, {"so-lieu.xlsx", pdf()},
                {"chuong-trinh.exe", pdf()}, {"giay-moi.docx", "PK\u0003\u0004 broken".getBytes(StandardCharsets.ISO_8859_1)}}) {
            UploadRefusedException refused = assertThrows(UploadRefusedException.class,
                    () -> attach((String) c[0], (byte[]) c[1]), (String) c[0]);
            assertEquals(UploadRefusedException.Reason.WRONG_TYPE, refused.reason(), (String) c[0]);
        }
        assertTrue(documents.documents(meeting).isEmpty());
    }

    @Test
    void aFileOverTheLimitIsRefusedWhileItStreams() throws Exception {
        setUp(10);
        // An endless PDF: the limit (1 MB) stops the reading, not the end of the stream.
        CountingStream endless = new CountingStream(pdf(), Long.MAX_VALUE);
        UploadRefusedException refused = assertThrows(UploadRefusedException.class,
                () -> documents.attach(meeting, "lon.pdf", endless, -1));
        assertEquals(UploadRefusedException.Reason.TOO_LARGE, refused.reason());
        assertTrue(endless.read <= MB + 64 * 1024, "read " + endless.read + " bytes of an endless stream");
        // A declared size over the limit: refused before a single byte is read.
        CountingStream declared = new CountingStream(pdf(), 2 * MB);
        assertThrows(UploadRefusedException.class, () -> documents.attach(meeting, "lon.pdf", declared, 2 * MB));
        assertEquals(0, declared.read);
        // Exactly the limit passes.
        CountingStream exact = new CountingStream(pdf(), MB);
        assertEquals(MB, documents.attach(meeting, "vua.pdf", exact, -1).size());
        assertEquals(1, documents.documents(meeting).size());
        assertTrue(f.audited.stream().anyMatch(a -> a.startsWith("conference.document.attach") && a.endsWith("DENIED")));
    }

    @Test
    void theCountLimitHoldsAndTheRefusalSavesNothing() throws Exception {
        setUp(2);
        attach("a.pdf", pdf());
        attach("b.pdf", pdf());
        ConferenceException refused = assertThrows(ConferenceException.class, () -> attach("c.pdf", pdf()));
        assertEquals("conference.error.document-count", refused.key());
        assertEquals(2, documents.documents(meeting).size());
    }

    @Test
    void onlyPeopleWhoMaySeeTheMeetingGetItsDocumentsAndOnlyTheSchedulerChangesThem() throws Exception {
        setUp(10);
        long id = attach("bao-cao.pdf", pdf()).id();

        // The technical contact of commune 1, which takes part: may list and download, not remove or attach.
        f.userId = "kythuat.xa-1";
        f.permissions = Set.of(ConferencePermissions.READINESS_CONFIRM);
        assertEquals(1, documents.documents(meeting).size());
        assertArrayEquals(pdf(), documents.download(id).content());
        assertThrows(AccessDeniedException.class, () -> documents.remove(id));
        assertThrows(AccessDeniedException.class, () -> attach("x.pdf", pdf()));

        // The contact of commune 5, which does not take part: nothing.
        f.userId = "kythuat.xa-5";
        assertThrows(AccessDeniedException.class, () -> documents.download(id));
        assertThrows(AccessDeniedException.class, () -> documents.documents(meeting));
        assertThrows(AccessDeniedException.class, () -> documents.document(id));
        assertTrue(f.audited.contains("conference.document.download " + id + " DENIED"), f.audited.toString());

        // Someone with no conference permission at all.
        f.userId = "citizen";
        f.permissions = Set.of();
        assertThrows(AccessDeniedException.class, () -> documents.download(id));

        // The attendance recorder sees every meeting.
        f.userId = "thuky";
        f.permissions = Set.of(ConferencePermissions.ATTENDANCE_RECORD);
        assertEquals("bao-cao.pdf", documents.document(id).fileName());

        // The scheduler removes it; audited; it is gone.
        f.userId = "dieuphoi";
        f.permissions = Set.of(ConferencePermissions.BOOKING_MANAGE);
        documents.remove(id);
        assertTrue(documents.documents(meeting).isEmpty());
        assertTrue(f.audited.contains("conference.document.remove " + meeting + " SUCCESS"), f.audited.toString());
        assertEquals("conference.error.unknown-document", assertThrows(ConferenceException.class,
                () -> documents.download(id)).key());
    }

    @Test
    void namesAreKeptWithoutPathsOrControlCharacters() {
        assertEquals("bao-cao.pdf", MeetingDocuments.cleanName("C:\\Users\\a\\..\\bao-cao.pdf", "application/pdf"));
        assertEquals("passwd.pdf", MeetingDocuments.cleanName("../../etc/passwd.pdf", "application/pdf"));
        assertEquals("ab.pdf", MeetingDocuments.cleanName("a\u0000\r\n\u202eb.pdf", "application/pdf"));
        assertEquals("tai-lieu.pdf", MeetingDocuments.cleanName(" .pdf", "application/pdf"));
        String longName = MeetingDocuments.cleanName("x".repeat(500) + ".docx", "");
        assertEquals(MeetingDocuments.NAME_LENGTH, longName.length());
        assertTrue(longName.endsWith("x.docx"));
    }

    @Test
    void attachingSendsTheContactsTheDocumentsAsLinksToTheirPagesNotAsAttachments() throws Exception {
        setUp(10);
        PlatformConferenceService conferences = new PlatformConferenceService(f.database, f::user, f.audit,
                InvitationsTest.directory(), InvitationsTest.translations(), InvitationsTest.config());
        PublicLinks links = new PublicLinks() {
            @Override
            public String base() {
                return "https://congso.trande.example.vn";
            }

            @Override
            public String absolute(String path) {
                return base() + (path.startsWith("/") ? path : "/" + path);
            }
        };
        PlatformMeetingDocuments platform = new PlatformMeetingDocuments(f.database, f::user, f.audit, conferences,
                InvitationsTest.directory(), InvitationsTest.translations(), links, InvitationsTest.config());
        assertEquals(MB, platform.limits().maxBytes(), "the configured limit");
        // Without a notification service attaching works.
        platform.attach(meeting, "truoc.pdf", new ByteArrayInputStream(pdf()), -1);
        List<OutgoingMessage> sent = new ArrayList<>();
        platform.notifications(new NotificationService() {
            @Override
            public long send(OutgoingMessage message) {
                sent.add(message);
                return sent.size();
            }

            @Override
            public Optional<DeliveryState> state(long id) {
                return Optional.of(DeliveryState.QUEUED);
            }
        });
        MeetingDocuments.Document doc = platform.attach(meeting, "giay-moi.docx",
                new ByteArrayInputStream(office("word/document.xml")), -1);

        assertEquals(1, sent.size(), "the hub's contact has an address");
        OutgoingMessage mail = sent.get(0);
        assertEquals("kythuat@trande.example.vn", mail.to());
        assertTrue(mail.attachments().isEmpty(), "documents are links, not attachments");
        assertTrue(mail.text().contains("https://congso.trande.example.vn/conference/document/" + doc.id()), mail.text());
        assertTrue(mail.text().contains("truoc.pdf") && mail.text().contains("giay-moi.docx"), mail.text());
        assertTrue(mail.text().contains("07/12/2026 07:30"), mail.text());
    }

    private MeetingDocuments.Document attach(String name, byte[] content) throws IOException {
        return documents.attach(meeting, name, new ByteArrayInputStream(content), content.length);
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        byte[] png = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, png, 0, magic.length);
        return png;
    }

    /** A minimal OOXML package: [Content_Types].xml and the given parts. */
    static byte[] office(String... parts) throws IOException {
        List<String> names = new ArrayList<>(List.of("[Content_Types].xml"));
        names.addAll(List.of(parts));
        return zip(names.toArray(String[]::new));
    }

    static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A stream of a head followed by zeros up to a length, counting what is read. */
    private static final class CountingStream extends InputStream {
        private final byte[] head;
        private final long length;
        long read;

        CountingStream(byte[] head, long length) {
            this.head = head;
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            int b = read < head.length ? head[(int) read] & 0xFF : 0;
            read++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - read);
            for (int i = 0; i < n; i++) {
                b[off + i] = read + i < head.length ? head[(int) (read + i)] : 0;
            }
            read += n;
            return n;
        }
    }
}
