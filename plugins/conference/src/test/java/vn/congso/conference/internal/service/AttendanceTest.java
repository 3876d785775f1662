package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.service.ConferenceService.AttendanceEntry;
import vn.congso.pdf.internal.DejaVuFonts;
import vn.congso.pdf.internal.XhtmlPdfRenderer;

/** Attendance and minutes after a meeting, all or nothing, and the minutes PDF with core's real renderer. */
class AttendanceTest {

    @TempDir
    Path folder;

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 7, 30);

    @Test
    void recordsAttendanceAndMinutesOnceTheMeetingHasStartedAndPrintsThem() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder.resolve("db"), false);
        long hub = f.pointIds.get(0);
        long commune1 = f.pointIds.get(1);
        long meeting = f.service.book(BookingTest.single("Giao ban tuần", Set.of(hub, commune1), hub, MONDAY,
                MONDAY.plusHours(1))).meetingId();
        CalendarEntry entry = f.service.meetingEntries(meeting).get(0);
        List<AttendanceEntry> entries = List.of(new AttendanceEntry(hub, true, 25), new AttendanceEntry(commune1, false, 0));

        f.permissions = Set.of(ConferencePermissions.ATTENDANCE_RECORD);
        assertEquals("conference.error.not-started", assertThrows(ConferenceException.class,
                () -> f.service.recordAttendance(entry.occurrenceId(), entries, "")).key());
        f.clock.set(Instant.parse("2026-12-07T01:40:00Z"));
        assertEquals("conference.error.participants", assertThrows(ConferenceException.class,
                () -> f.service.recordAttendance(entry.occurrenceId(), List.of(new AttendanceEntry(hub, true, 25),
                        new AttendanceEntry(commune1, false, 3)), "")).key());
        assertTrue(f.service.attendance(entry.occurrenceId()).stream().noneMatch(ConferenceService.AttendanceLine::recorded),
                "a refused record saves nothing");

        f.service.recordAttendance(entry.occurrenceId(), entries, "## Kết luận\n\n- Hoàn thành **kế hoạch** tháng 12\n<script>x</script>");
        List<ConferenceService.AttendanceLine> lines = f.service.attendance(entry.occurrenceId());
        assertEquals(List.of(true, false), lines.stream().map(ConferenceService.AttendanceLine::present).toList());
        assertEquals(25, lines.get(0).participants());
        assertTrue(f.service.minutes(entry.occurrenceId()).startsWith("## Kết luận"));

        byte[] pdf = MinutesPdf.render(f.service, renderer(folder), entry, List.of(), (key, args) -> Map.of(
                "conference.attendance.present", "Có mặt", "conference.attendance.absent", "Vắng").getOrDefault(key, key),
                Locale.forLanguageTag("vi"));
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        String page = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
        for (String expected : List.of("Giao ban tuần", "UBND huyện Trần Đề", "Có mặt", "Vắng", "25", "Kết luận",
                "kế hoạch", "07/12/2026 07:30")) {
            assertTrue(page.contains(expected), expected + " in:\n" + page);
        }
        assertTrue(!page.contains("<script>") && !page.contains("script"), page);

        f.permissions = Set.of(ConferencePermissions.READINESS_CONFIRM);
        assertThrows(AccessDeniedException.class, () -> f.service.recordAttendance(entry.occurrenceId(), entries, ""));
    }

    @Test
    void lateMinutesAndNotesAreRecordedCheckedAndExportedAsCsvAndInTheMinutesPdf() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder.resolve("db"), false);
        long hub = f.pointIds.get(0);
        long commune1 = f.pointIds.get(1);
        long commune2 = f.pointIds.get(2);
        long meeting = f.service.book(BookingTest.single("=HYPERLINK(\"x\"), họp \"đột xuất\"", Set.of(hub, commune1,
                commune2), hub, MONDAY, MONDAY.plusHours(1))).meetingId();
        CalendarEntry entry = f.service.meetingEntries(meeting).get(0);
        f.permissions = Set.of(ConferencePermissions.ATTENDANCE_RECORD);
        f.clock.set(Instant.parse("2026-12-07T01:40:00Z"));

        for (List<AttendanceEntry> bad : List.of(
                List.of(new AttendanceEntry(hub, true, 20, 0, ""), new AttendanceEntry(commune1, false, 0, 5, "")),
                List.of(new AttendanceEntry(hub, true, 20, 60, "")),
                List.of(new AttendanceEntry(hub, true, 20, -1, "")))) {
            ConferenceException e = assertThrows(ConferenceException.class,
                    () -> f.service.recordAttendance(entry.occurrenceId(), bad, "Biên bản"));
            assertEquals("conference.error.late", e.key());
            assertEquals(60L, e.args()[0]);
        }
        assertEquals("conference.error.too-long-text", assertThrows(ConferenceException.class,
                () -> f.service.recordAttendance(entry.occurrenceId(), List.of(new AttendanceEntry(hub, true, 20, 0,
                        "x".repeat(501))), "")).key());
        assertTrue(f.service.attendance(entry.occurrenceId()).stream().noneMatch(ConferenceService.AttendanceLine::recorded),
                "a refused record saves nothing");
        assertEquals("", f.service.minutes(entry.occurrenceId()));

        f.service.recordAttendance(entry.occurrenceId(), List.of(new AttendanceEntry(hub, true, 25, 0, ""),
                new AttendanceEntry(commune1, true, 12, 59, "Mất kết nối, vào lại lúc 08:29; \"đường truyền\" yếu"),
                new AttendanceEntry(commune2, false, 0, 0, "-Chủ tịch xã đi công tác")), "Kết luận");
        List<ConferenceService.AttendanceLine> lines = f.service.attendance(entry.occurrenceId());
        assertEquals(List.of(0, 59, 0), lines.stream().map(ConferenceService.AttendanceLine::lateMinutes).toList());
        assertEquals("Mất kết nối, vào lại lúc 08:29; \"đường truyền\" yếu", lines.get(1).note());

        Map<String, String> vi = Map.of("conference.attendance.present", "Có mặt", "conference.attendance.absent", "Vắng",
                "conference.calendar.point", "Điểm cầu", "conference.attendance.late", "Số phút đến muộn",
                "conference.attendance.note", "Ghi chú");
        byte[] csv = AttendanceCsv.write(f.service, entry, (key, args) -> vi.getOrDefault(key, key), Locale.forLanguageTag("vi"));
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]), "UTF-8 BOM for Excel");
        List<String[]> rows;
        try (com.opencsv.CSVReader reader = new com.opencsv.CSVReader(new java.io.StringReader(
                new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)))) {
            rows = reader.readAll();
        }
        assertEquals(4, rows.size());
        assertEquals(List.of("Điểm cầu", "Số phút đến muộn", "Ghi chú"), List.of(rows.get(0)[2], rows.get(0)[5], rows.get(0)[6]));
        assertEquals(List.of("'=HYPERLINK(\"x\"), họp \"đột xuất\"", "07/12/2026 07:30", "Xã số 1", "Có mặt", "12", "59",
                "Mất kết nối, vào lại lúc 08:29; \"đường truyền\" yếu"), List.of(rows.get(2)));
        assertEquals(List.of("Xã số 2", "Vắng", "", "", "'-Chủ tịch xã đi công tác"), List.of(rows.get(3)).subList(2, 7));
        assertTrue(new String(csv, StandardCharsets.UTF_8).contains("\r\n"), "CRLF rows");

        byte[] pdf = MinutesPdf.render(f.service, renderer(folder), entry, List.of(), (key, args) -> vi.getOrDefault(key, key),
                Locale.forLanguageTag("vi"));
        com.lowagie.text.pdf.PdfReader pdfReader = new com.lowagie.text.pdf.PdfReader(pdf);
        StringBuilder pages = new StringBuilder();
        for (int i = 1; i <= pdfReader.getNumberOfPages(); i++) {
            pages.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(pdfReader).getTextFromPage(i)).append('\n');
        }
        String page = pages.toString().replaceAll("\\s+", " ");
        for (String expected : List.of("Số phút đến muộn", "Ghi chú", "59", "Mất kết nối", "Chủ tịch xã đi công tác")) {
            assertTrue(page.contains(expected), expected + " in:\n" + page);
        }
    }

    static PdfRenderer renderer(Path folder) throws IOException {
        XhtmlPdfRenderer real = new XhtmlPdfRenderer(DejaVuFonts.copyTo(Files.createDirectories(folder.resolve("fonts"))));
        return new PdfRenderer() {
            @Override
            public byte[] render(String templatePath, Map<String, ?> data) throws IOException {
                try (InputStream in = AttendanceTest.class.getClassLoader().getResourceAsStream(templatePath)) {
                    return real.render(templatePath, new String(in.readAllBytes(), StandardCharsets.UTF_8), data, null);
                }
            }

            @Override
            public Markup qrCode(String text, int sizePx) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
