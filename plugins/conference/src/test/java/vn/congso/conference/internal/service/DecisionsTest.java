package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.conference.internal.domain.CalendarEntry;

/** Decisions as a list apart from the minutes: checked whole, in the minutes PDF and as CSV with dates in the reader's format. */
class DecisionsTest {

    @TempDir
    Path folder;

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 7, 30);

    @Test
    void decisionsAreCheckedWholeKeptInOrderAndOnlyTheRecorderChangesThem() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long hub = f.pointIds.get(0);
        long c1 = f.pointIds.get(1);
        long meeting = f.service.book(BookingTest.single("Giao ban tuần", Set.of(hub, c1), hub, MONDAY,
                MONDAY.plusHours(1))).meetingId();
        long occurrence = f.service.meetingEntries(meeting).get(0).occurrenceId();
        MeetingDecisions decisions = new MeetingDecisions(f.database, f::user, f.audit, f.clock);
        List<MeetingDecisions.Decision> three = List.of(
                new MeetingDecisions.Decision("Hoàn thành kế hoạch tháng 12", hub, LocalDate.of(2026, 12, 31)),
                new MeetingDecisions.Decision("Sửa đường truyền xã 1", c1, LocalDate.of(2026, 12, 7)),
                new MeetingDecisions.Decision("Báo cáo định kỳ", c1, null));

        f.permissions = Set.of(ConferencePermissions.ATTENDANCE_RECORD);
        assertEquals("conference.error.not-started", assertThrows(ConferenceException.class,
                () -> decisions.save(occurrence, three)).key());
        f.clock.set(Instant.parse("2026-12-07T01:40:00Z"));
        decisions.save(occurrence, three);
        List<MeetingDecisions.Line> saved = decisions.decisions(occurrence);
        assertEquals(List.of(1, 2, 3), saved.stream().map(MeetingDecisions.Line::number).toList());
        assertEquals(List.of("UBND huyện Trần Đề", "Xã số 1", "Xã số 1"), saved.stream().map(MeetingDecisions.Line::unit).toList());
        assertEquals(LocalDate.of(2026, 12, 31), saved.get(0).due());
        assertEquals(null, saved.get(2).due());

        // Each refusal names the decision by its number; the saved list stays as it was.
        List<Object[]> bad = List.of(
                new Object[] {"conference.error.decision-text", List.of(three.get(0), new MeetingDecisions.Decision("  ", hub, null))},
                new Object[] {"conference.error.decision-text", List.of(new MeetingDecisions.Decision("x".repeat(1001), hub, null))},
                new Object[] {"conference.error.decision-unit", List.of(three.get(0), three.get(1),
                        new MeetingDecisions.Decision("Không đơn vị", 0, null))},
                new Object[] {"conference.error.decision-due", List.of(new MeetingDecisions.Decision("Quá hạn", hub,
                        LocalDate.of(2026, 12, 6)))},
                new Object[] {"conference.error.decisions-count", Collections.nCopies(51, three.get(0))});
        for (Object[] c : bad) {
            @SuppressWarnings("unchecked")
            List<MeetingDecisions.Decision> list = (List<MeetingDecisions.Decision>) c[1];
            ConferenceException refused = assertThrows(ConferenceException.class, () -> decisions.save(occurrence, list));
            assertEquals(c[0], refused.key());
        }
        assertEquals(2, assertThrows(ConferenceException.class, () -> decisions.save(occurrence, List.of(three.get(0),
                new MeetingDecisions.Decision("", hub, null)))).args()[0], "the second decision is named");
        assertEquals(saved, decisions.decisions(occurrence));

        f.permissions = Set.of(ConferencePermissions.BOOKING_MANAGE);
        assertEquals(3, decisions.decisions(occurrence).size());
        assertThrows(AccessDeniedException.class, () -> decisions.save(occurrence, List.of()));
        f.permissions = Set.of(ConferencePermissions.READINESS_CONFIRM);
        assertThrows(AccessDeniedException.class, () -> decisions.decisions(occurrence));
        assertTrue(f.audited.contains("conference.decisions.record " + occurrence + " SUCCESS"), f.audited.toString());

        // Cleared by saving an empty list.
        f.permissions = Set.of(ConferencePermissions.ATTENDANCE_RECORD);
        decisions.save(occurrence, List.of());
        assertTrue(decisions.decisions(occurrence).isEmpty());
    }

    @Test
    void theMinutesPdfAndTheCsvListTheDecisionsWithDatesInTheReadersFormat() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long hub = f.pointIds.get(0);
        long meeting = f.service.book(BookingTest.single("Giao ban tuần", Set.of(hub), hub, MONDAY, MONDAY.plusHours(1)))
                .meetingId();
        CalendarEntry entry = f.service.meetingEntries(meeting).get(0);
        MeetingDecisions decisions = new MeetingDecisions(f.database, f::user, f.audit, f.clock);
        f.permissions = Set.of(ConferencePermissions.ATTENDANCE_RECORD);
        f.clock.set(Instant.parse("2026-12-07T01:40:00Z"));
        decisions.save(entry.occurrenceId(), List.of(
                new MeetingDecisions.Decision("Hoàn thành kế hoạch tháng 12", hub, LocalDate.of(2026, 12, 31)),
                new MeetingDecisions.Decision("=HYPERLINK(\"x\"), lập danh sách", hub, null)));
        List<MeetingDecisions.Line> lines = decisions.decisions(entry.occurrenceId());
        Map<String, String> vi = Map.of("conference.decisions.heading", "Kết luận, quyết định của cuộc họp",
                "conference.decisions.text", "Nội dung kết luận", "conference.decisions.unit", "Đơn vị chủ trì",
                "conference.decisions.due", "Thời hạn");

        byte[] csv = AttendanceCsv.decisions(entry, lines, (key, args) -> vi.getOrDefault(key, key), Locale.forLanguageTag("vi"));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "BOM");
        List<String> rows = List.of(text.substring(1).split("\r\n"));
        assertEquals("Cuộc họp,Bắt đầu,#,Nội dung kết luận,Đơn vị chủ trì,Thời hạn".replace("Cuộc họp", "conference.csv.meeting")
                .replace("Bắt đầu", "conference.csv.start"), rows.get(0));
        assertEquals("Giao ban tuần,07/12/2026 07:30,1,Hoàn thành kế hoạch tháng 12,UBND huyện Trần Đề,31/12/2026", rows.get(1));
        assertEquals("Giao ban tuần,07/12/2026 07:30,2,\"'=HYPERLINK(\"\"x\"\"), lập danh sách\",UBND huyện Trần Đề,", rows.get(2));
        String english = new String(AttendanceCsv.decisions(entry, lines, (key, args) -> key, Locale.ENGLISH),
                StandardCharsets.UTF_8);
        assertTrue(english.contains(",2026-12-31") && !english.contains("31/12/2026"), english);

        byte[] pdf = MinutesPdf.render(f.service, AttendanceTest.renderer(folder), entry, lines,
                (key, args) -> vi.getOrDefault(key, key), Locale.forLanguageTag("vi"));
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        StringBuilder pages = new StringBuilder();
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            pages.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(i)).append('\n');
        }
        String page = pages.toString().replaceAll("\\s+", " ");
        for (String expected : List.of("Kết luận, quyết định của cuộc họp", "Đơn vị chủ trì", "Hoàn thành kế hoạch tháng 12",
                "31/12/2026", "lập danh sách")) {
            assertTrue(page.contains(expected), expected + " in:\n" + page);
        }
        // Without decisions, no such section.
        byte[] none = MinutesPdf.render(f.service, AttendanceTest.renderer(folder.resolve("b")), entry, new ArrayList<>(),
                (key, args) -> vi.getOrDefault(key, key), Locale.forLanguageTag("vi"));
        String plain = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(none))
                .getTextFromPage(1);
        assertTrue(!plain.contains("Kết luận, quyết định"), plain);
    }
}
