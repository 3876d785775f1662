package vn.congso.services.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.pdf.internal.DejaVuFonts;
import vn.congso.pdf.internal.QrCodes;
import vn.congso.pdf.internal.XhtmlPdfRenderer;
import vn.congso.services.internal.dossier.Action;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.DossierService;
import vn.congso.services.internal.dossier.DossierService.Letter;
import vn.congso.services.internal.dossier.DossierServiceAccess;
import vn.congso.services.internal.dossier.Status;
import vn.congso.services.internal.dossier.Timeliness;
import vn.congso.services.internal.dossier.WorkflowException;

/**
 * Templates 02, 03 and 04 of Circular 01/2018 rendered by core's real renderer and read back with
 * pdftotext; a late dossier held until its apology letter gives it a new, valid due day.
 */
class LettersPdfTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    @TempDir
    static Path folder;
    static ServicesFixture f;
    static DossierService dossiers;
    static final List<OutgoingMessage> sent = new ArrayList<>();

    /** Core's renderer on this module's templates, as the bundle's PdfRenderer service does it. */
    static PdfRenderer realRenderer(Path fonts) throws IOException {
        XhtmlPdfRenderer real = new XhtmlPdfRenderer(DejaVuFonts.copyTo(Files.createDirectories(fonts)));
        return new PdfRenderer() {
            @Override
            public byte[] render(String templatePath, Map<String, ?> data) throws IOException {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(templatePath)) {
                    return real.render(templatePath, new String(in.readAllBytes(), StandardCharsets.UTF_8), data, null);
                }
            }

            @Override
            public Markup qrCode(String text, int sizePx) {
                return QrCodes.markup(text, sizePx);
            }
        };
    }

    @BeforeAll
    static void setUp() throws Exception {
        f = new ServicesFixture(folder.resolve("db"));
        f.become("system:test", "*");
        DemoData.load(f.database, f.catalogue, f.calendars.calendar(), ServicesFixture.NOW);
        dossiers = f.dossiers(realRenderer(folder.resolve("fonts")));
        DossierServiceAccess.notifications(dossiers, new NotificationService() {
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
        f.unitOf.put("motcua.taivan", "xa-tai-van");
        f.unitOf.put("chuyenvien.huyen", "district");
        f.unitOf.put("motcua.huyen", "district");
        f.unitOf.put("lanhdao.huyen", "district");
        f.unitOf.put("congdan", "xa-tai-van");
    }

    Dossier submit(String procedure, Map<String, String> form, String token) {
        f.clock = Clock.fixed(ServicesFixture.NOW, ZoneOffset.UTC);
        f.become("congdan", ServicesPermissions.SUBMIT);
        return dossiers.submit(new DossierService.Submission(procedure, "xa-tai-van", "Sơn Thị Thanh Thảo", "0912345678",
                "thao@example.vn", form, List.of(), token), VI);
    }

    Dossier submitBirth(String token) {
        return submit("1.001193", Map.of("ho-ten-tre", "Sơn Gia Bảo", "ngay-sinh", "01/03/2026", "gioi-tinh", "Nữ",
                "noi-sinh", "Trạm y tế xã Tài Văn", "ho-ten-me", "Sơn Thị Thanh Thảo", "so-dinh-danh", "094190001234"), token);
    }

    void desk() {
        f.become("motcua.taivan", ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
    }

    static void at(String instant) {
        f.clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /**
     * The PDF's text after checking it is one A4 page: as OpenPDF reads it, and as pdftotext
     * reads it too where installed; each must hold every expected phrase.
     */
    static List<String> text(byte[] pdf, String name) throws Exception {
        assertEquals(1, new com.lowagie.text.pdf.PdfReader(pdf).getNumberOfPages(), name + " fits one page");
        return allText(pdf, name);
    }

    /** Every page's text, as {@link #text} reads it. */
    static List<String> allText(byte[] pdf, String name) throws Exception {
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        List<String> texts = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            all.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        texts.add(all.toString());
        Path file = Files.write(folder.resolve(name + ".pdf"), pdf);
        Files.write(Path.of("target", name + "-sample.pdf"), pdf);
        if (Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
            Process process = new ProcessBuilder("/usr/bin/pdftotext", "-raw", file.toString(), "-")
                    .redirectErrorStream(true).start();
            texts.add(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }
        return texts.stream().map(t -> t.replaceAll("\\s+", " ")).toList();
    }

    /** Each phrase in each reading; spaces aside, as table cells wrap long words where they like. */
    static void contains(List<String> texts, String... expected) {
        for (String text : texts) {
            String packed = text.replace(" ", "");
            for (String e : expected) {
                assertTrue(packed.contains(e.replace(" ", "")), "missing \"" + e + "\" in:\n" + text);
            }
        }
    }

    @Test
    void theSupplementRequestListsWhatIsMissingForTheOwnerAndTheDesk() throws Exception {
        Dossier d = submitBirth("letter-02");
        desk();
        assertEquals(List.of(), dossiers.letters(d.id()));
        assertEquals("services.error.no-letter",
                assertThrows(WorkflowException.class, () -> dossiers.letter(d.id(), Letter.SUPPLEMENT_REQUEST)).key());
        dossiers.act(d.id(), Action.REQUEST_SUPPLEMENT, "Bản chính giấy chứng sinh\nBản sao căn cước của người mẹ", List.of());
        assertEquals(List.of(Letter.SUPPLEMENT_REQUEST), dossiers.letters(d.id()));
        List<String> text = text(dossiers.letter(d.id(), Letter.SUPPLEMENT_REQUEST), "letter-02");
        contains(text, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mẫu số 02", d.code(), "Sơn Thị Thanh Thảo",
                "Đăng ký khai sinh", "Bản chính giấy chứng sinh Bản sao căn cước của người mẹ",
                "ngày 03 tháng 3 năm 2026", "Xã xa-tai-van", "motcua.taivan");
        // The link may wrap: read without spaces.
        assertTrue(text.get(0).replace(" ", "").contains("https://congso.trande.example/services/lookup"), text.get(0));
        f.become("congdan", ServicesPermissions.SUBMIT);
        assertTrue(dossiers.letter(d.id(), Letter.SUPPLEMENT_REQUEST).length > 1000, "the owner downloads it");
        f.become("nguoi.khac", ServicesPermissions.SUBMIT);
        assertThrows(AccessDeniedException.class, () -> dossiers.letter(d.id(), Letter.SUPPLEMENT_REQUEST));
        f.anonymous();
        assertThrows(AccessDeniedException.class, () -> dossiers.letter(d.id(), Letter.SUPPLEMENT_REQUEST));
    }

    @Test
    void theRefusalGivesItsReasons() throws Exception {
        Dossier d = submitBirth("letter-03");
        desk();
        assertEquals("services.error.no-letter",
                assertThrows(WorkflowException.class, () -> dossiers.letter(d.id(), Letter.REFUSAL)).key());
        dossiers.act(d.id(), Action.REFUSE, "Trẻ đã được đăng ký khai sinh tại xã Liêu Tú", List.of());
        assertEquals(List.of(Letter.REFUSAL), dossiers.letters(d.id()));
        List<String> text = text(dossiers.letter(d.id(), Letter.REFUSAL), "letter-03");
        contains(text, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Mẫu số 03", d.code(), "Sơn Thị Thanh Thảo",
                "Trẻ đã được đăng ký khai sinh tại xã Liêu Tú", "ngày 03 tháng 3 năm 2026", "NGƯỜI TIẾP NHẬN HỒ SƠ");
    }

    @Test
    void aLateDossierWaitsForItsApologyLetterWithAValidNewDueDay() throws Exception {
        // Inter-level: received at the commune on Tuesday 2026-03-03, 15 working days: due 2026-03-24.
        Dossier d = submit("1.001776", Map.of(), "letter-04");
        desk();
        dossiers.act(d.id(), Action.RECEIVE, "", List.of());
        assertEquals("services.error.apology-not-late", assertThrows(WorkflowException.class,
                () -> dossiers.apologise(d.id(), LocalDate.of(2026, 3, 31), "Chưa xác minh xong")).key());
        dossiers.act(d.id(), Action.TRANSFER, "", List.of());
        at("2026-03-26T03:00:00Z"); // Thursday, two days late
        f.become("chuyenvien.huyen", ServicesPermissions.PROCESS);
        Dossier late = dossiers.get(d.id()).orElseThrow();
        assertTrue(dossiers.needsApology(late));
        assertEquals(Timeliness.OVERDUE, dossiers.timeliness(late));
        f.become("motcua.huyen", ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
        assertEquals("services.error.apology-first",
                assertThrows(WorkflowException.class, () -> dossiers.assign(d.id(), "chuyenvien.huyen", "")).key());
        assertEquals(Status.PROCESSING, dossiers.get(d.id()).orElseThrow().status());
        assertEquals("", dossiers.get(d.id()).orElseThrow().assignee());
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.dossier.assign " + d.code() + " DENIED")));
        f.become("chuyenvien.huyen", ServicesPermissions.PROCESS);
        // Bad letters change nothing: a past day, today, a Saturday, no reason, the commune (not the late unit).
        for (LocalDate bad : List.of(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 26))) {
            assertEquals("services.error.apology-date", assertThrows(WorkflowException.class,
                    () -> dossiers.apologise(d.id(), bad, "Chưa xác minh xong")).key(), bad.toString());
        }
        assertEquals("services.error.apology-date", assertThrows(WorkflowException.class,
                () -> dossiers.apologise(d.id(), null, "Chưa xác minh xong")).key());
        assertEquals("services.error.apology-not-working-day", assertThrows(WorkflowException.class,
                () -> dossiers.apologise(d.id(), LocalDate.of(2026, 3, 28), "Chưa xác minh xong")).key());
        assertEquals("services.error.note-required", assertThrows(WorkflowException.class,
                () -> dossiers.apologise(d.id(), LocalDate.of(2026, 3, 31), "  ")).key());
        desk();
        assertEquals("services.error.other-unit", assertThrows(WorkflowException.class,
                () -> dossiers.apologise(d.id(), LocalDate.of(2026, 3, 31), "Chưa xác minh xong")).key());
        f.become("congdan", ServicesPermissions.SUBMIT);
        assertThrows(AccessDeniedException.class,
                () -> dossiers.apologise(d.id(), LocalDate.of(2026, 3, 31), "Chưa xác minh xong"));
        assertEquals(List.of(), dossiers.apologies(d.id()));
        assertEquals(LocalDate.of(2026, 3, 24), dossiers.get(d.id()).orElseThrow().dueDate().orElseThrow());
        int before = sent.size();

        f.become("chuyenvien.huyen", ServicesPermissions.PROCESS);
        Dossier apologised = dossiers.apologise(d.id(), LocalDate.of(2026, 3, 31),
                "Cần xác minh thêm nguồn gốc thửa đất với Văn phòng đăng ký đất đai");
        assertEquals(LocalDate.of(2026, 3, 31), apologised.dueDate().orElseThrow());
        assertEquals(Status.PROCESSING, apologised.status());
        assertFalse(dossiers.needsApology(apologised));
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.dossier.apologise " + d.code() + " SUCCESS")));
        assertEquals(before + 1, sent.size(), "the citizen is told");
        OutgoingMessage message = sent.get(sent.size() - 1);
        assertEquals("thao@example.vn", message.to());
        assertTrue(message.subject().contains("xin lỗi và hẹn lại ngày trả kết quả"), message.subject());
        assertTrue(message.text().contains("31/03/2026"), message.text());
        assertTrue(message.text().startsWith("Kính gửi Sơn Thị Thanh Thảo,") && message.text().contains("Lý do chậm trễ: ")
                && message.text().contains("/services/lookup") && !message.text().contains("services.mail"), message.text());
        assertEquals(List.of(Letter.APOLOGY, Letter.CONTROL_SHEET), dossiers.letters(d.id()));
        List<String> text = text(dossiers.letter(d.id(), Letter.APOLOGY), "letter-04");
        contains(text, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Mẫu số 04", d.code(), "Kính gửi: ông/bà Sơn Thị Thanh Thảo",
                "ngày 24 tháng 3 năm 2026", "ngày 31 tháng 3 năm 2026", "ngày 26 tháng 3 năm 2026",
                "Cần xác minh thêm nguồn gốc thửa đất", "UBND huyện Trần Đề", "THỦ TRƯỞNG CƠ QUAN");
        f.become("congdan", ServicesPermissions.SUBMIT);
        assertTrue(dossiers.letter(d.id(), Letter.APOLOGY).length > 1000, "the owner downloads it");

        // Now it proceeds through its steps, and counts as late whatever the new appointment.
        f.become("motcua.huyen", ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
        dossiers.assign(d.id(), "chuyenvien.huyen", "");
        f.become("chuyenvien.huyen", ServicesPermissions.PROCESS);
        dossiers.act(d.id(), Action.PROPOSE, "Đủ điều kiện", List.of());
        f.become("lanhdao.huyen", ServicesPermissions.APPROVE);
        Dossier settled = dossiers.act(d.id(), Action.APPROVE, "", List.of());
        assertEquals(Timeliness.SETTLED_LATE, dossiers.timeliness(settled));
        // The result waits at the commune past the new day: the commune apologises in turn before returning it.
        at("2026-04-01T03:00:00Z");
        desk();
        assertEquals("services.error.apology-first",
                assertThrows(WorkflowException.class, () -> dossiers.act(d.id(), Action.RETURN, "", List.of())).key());
        dossiers.apologise(d.id(), LocalDate.of(2026, 4, 2), "Kết quả chuyển về xã chậm");
        assertEquals(Status.RETURNED, dossiers.act(d.id(), Action.RETURN, "", List.of()).status());
        assertEquals(2, dossiers.apologies(d.id()).size());
        assertEquals(List.of("submit", "receive", "transfer", "apologise", "assign", "propose", "approve", "apologise", "return"),
                dossiers.history(d.id()).stream().map(DossierService.Event::action).toList());

        // Template 05: every hand-over with its time and whether it kept its step's deadline.
        assertEquals(List.of(Letter.APOLOGY, Letter.CONTROL_SHEET), dossiers.letters(d.id()));
        List<String> sheet = allText(dossiers.letter(d.id(), Letter.CONTROL_SHEET), "letter-05");
        contains(sheet, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mẫu số 05", d.code(), "Sơn Thị Thanh Thảo",
                "Tiếp nhận", "Chuyển lên huyện", "Phân công", "Chuyên viên chuyenvien.huyen", "Trình lãnh đạo",
                "Lãnh đạo UBND huyện Trần Đề", "Phê duyệt", "lanhdao.huyen", "Trả kết quả", "Quá hạn",
                "26/03/2026", "01/04/2026", "Đã trả kết quả");
        // Assigned on the 26th (the desk's step was due on 4 March), proposed on the 26th (the specialist's was due on
        // the 23rd), approved for a dossier that needed an apology: late, late, late; the return on 1 April before the
        // new appointment of 2 April: early.
        for (String t : sheet) {
            assertEquals(3, t.split("Quá hạn", -1).length - 1, t);
            assertEquals(1, t.split("Trước hạn", -1).length - 1, t);
        }
    }

    @Test
    void theTrackingBookListsTheUnitsDossiersOfAPeriodAsPdfAndCsv() throws Exception {
        Dossier d = submitBirth("letter-06");
        desk();
        dossiers.act(d.id(), Action.RECEIVE, "", List.of());
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 3, 31);
        byte[] pdf = dossiers.trackingBook(from, to);
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        assertTrue(reader.getPageSize(1).getWidth() > reader.getPageSize(1).getHeight(), "A4 landscape");
        List<String> text = allText(pdf, "book-06");
        contains(text, "SỔ THEO DÕI HỒ SƠ", "Mẫu số 06", "Từ ngày 01/03/2026 đến ngày 31/03/2026", "Xã xa-tai-van", d.code(),
                "Đăng ký khai sinh", "Sơn Thị Thanh Thảo, 0912345678", "Đang giải quyết");

        String csv = new String(dossiers.trackingBookCsv(from, to), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFSTT,Mã hồ sơ,Tên thủ tục hành chính"), csv);
        assertTrue(csv.contains(d.code() + ",Đăng ký khai sinh,\"Sơn Thị Thanh Thảo, 0912345678\",Trực tuyến,03/03/2026 09:00,03/03/2026"),
                csv);
        // The demo year of the commune: as many lines as the database has dossiers submitted to or settled by it.
        String year = new String(dossiers.trackingBookCsv(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
                StandardCharsets.UTF_8);
        long expected = Jdbc.transaction(f.database.dataSource(), c -> Jdbc.one(c, "SELECT COUNT(*) FROM svc_dossier"
                + " WHERE (receiving_unit = 'xa-tai-van' OR settling_unit = 'xa-tai-van') AND submitted_at >= ?"
                + " AND submitted_at < ?", rs -> rs.getLong(1), Instant.parse("2024-12-31T17:00:00Z"),
                Instant.parse("2025-12-31T17:00:00Z")));
        assertTrue(expected > 100, "the demo year at Tài Văn: " + expected);
        assertEquals(expected + 1, year.lines().count());
        assertTrue(year.contains("Đã trả kết quả (quá hạn)") && year.contains("Đã trả kết quả (đúng hạn)"));
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.book.export xa-tai-van SUCCESS")));

        assertEquals("services.book.error.range",
                assertThrows(WorkflowException.class, () -> dossiers.trackingBook(to, from)).key());
        assertEquals("services.book.error.range", assertThrows(WorkflowException.class,
                () -> dossiers.trackingBookCsv(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2))).key());
        f.become("congdan", ServicesPermissions.SUBMIT);
        assertThrows(AccessDeniedException.class, () -> dossiers.trackingBookCsv(from, to));
        f.become("motcua.khong-don-vi", ServicesPermissions.RECEIVE);
        assertEquals("services.book.error.no-unit",
                assertThrows(WorkflowException.class, () -> dossiers.trackingBookCsv(from, to)).key());
    }
}
