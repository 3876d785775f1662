package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.domain.Conflict;
import vn.congso.conference.internal.domain.Slot;

/** Imports of .ics files on a real Derby, through the booking path: preview, all or nothing, no duplicates. */
class IcsImportTest {

    @TempDir
    Path folder;

    private static final Slot JANUARY = new Slot(Instant.parse("2026-12-31T17:00:00Z"), Instant.parse("2027-01-31T17:00:00Z"));

    /** A weekly briefing (4 Mondays of January 2027, 07:30–08:30 local), a provincial relay and a cancelled event. */
    private static byte[] file() {
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tinh//Lich hop//VI",
                "BEGIN:VEVENT", "UID:giao-ban-2027@tinh.example.vn", "SUMMARY:Giao ban tuần",
                "DTSTART:20270104T073000", "DTEND:20270104T083000", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4", "END:VEVENT",
                "BEGIN:VEVENT", "UID:truyen-hinh-1@tinh.example.vn", "SUMMARY:Hội nghị trực tuyến của tỉnh",
                "DESCRIPTION:Triển khai nhiệm vụ năm 2027", "DTSTART:20270107T013000Z", "DURATION:PT3H", "END:VEVENT",
                "BEGIN:VEVENT", "UID:huy@tinh.example.vn", "SUMMARY:Họp đã hủy", "STATUS:CANCELLED",
                "DTSTART:20270108T080000", "DTEND:20270108T090000", "END:VEVENT", "END:VCALENDAR", "")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Set<Long> all(ConferenceFixture f) {
        return Set.copyOf(f.pointIds);
    }

    @Test
    void aPreviewSavesNothingAndACommitSavesEveryMeetingWithItsOccurrences() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        IcsImport importer = new IcsImport(f.service);

        IcsImport.Preview preview = importer.run("lich.ics", file(), f.pointIds.get(0), all(f), false);
        assertEquals(List.of(), preview.problems());
        assertEquals(2, preview.meetings().size());
        assertEquals(4, preview.meetings().get(0).event().kept().size());
        assertEquals(1, preview.cancelled().size());
        assertEquals("huy@tinh.example.vn", preview.cancelled().get(0).uid());
        assertTrue(preview.importable());
        assertFalse(preview.committed());
        assertEquals(List.of(), f.service.calendar(JANUARY, 0), "a preview saves nothing");

        IcsImport.Preview done = importer.run("lich.ics", file(), f.pointIds.get(0), all(f), true);
        assertTrue(done.committed());
        assertTrue(done.meetings().stream().allMatch(m -> m.meetingId() > 0));
        List<CalendarEntry> january = f.service.calendar(JANUARY, f.pointIds.get(7));
        assertEquals(5, january.size());
        assertEquals(Instant.parse("2027-01-04T00:30:00Z"), january.get(0).slot().start());
        assertEquals("Hội nghị trực tuyến của tỉnh", january.get(1).title());
        assertEquals(Instant.parse("2027-01-07T04:30:00Z"), january.get(1).slot().end());
        assertTrue(f.audited.stream().anyMatch(a -> a.startsWith("conference.meeting.import ") && a.endsWith("SUCCESS")));
    }

    @Test
    void importingTheSameFileAgainSkipsEveryEventAndSavesNoDuplicate() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        IcsImport importer = new IcsImport(f.service);
        assertTrue(importer.run("lich.ics", file(), f.pointIds.get(0), all(f), true).committed());

        IcsImport.Preview again = importer.run("lich-lan-2.ics", file(), f.pointIds.get(0), all(f), true);

        assertFalse(again.committed());
        assertFalse(again.importable());
        assertTrue(again.meetings().stream().allMatch(IcsImport.Meeting::alreadyImported));
        assertEquals(List.of(), again.conflicts(), "an event already imported is skipped, not shown as a clash with itself");
        assertEquals(5, f.service.calendar(JANUARY, f.pointIds.get(7)).size());
    }

    @Test
    void aClashIsShownAsABookingShowsItAndNothingOfTheFileIsSaved() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long commune3 = f.pointIds.get(3);
        assertTrue(f.service.book(new BookingRequest("Họp chuyên đề xã 3", "", "", commune3, Set.of(commune3),
                LocalDateTime.of(2027, 1, 18, 8, 0), LocalDateTime.of(2027, 1, 18, 9, 0), null, Set.of(),
                BookingRequest.Visibility.INTERNAL)).saved());
        IcsImport importer = new IcsImport(f.service);

        IcsImport.Preview preview = importer.run("lich.ics", file(), f.pointIds.get(0), all(f), false);
        assertFalse(preview.importable());
        List<Conflict> conflicts = preview.conflicts();
        assertEquals(1, conflicts.size());
        assertEquals(commune3, conflicts.get(0).pointId());
        assertEquals("Xã số 3", conflicts.get(0).pointName());
        assertEquals(Instant.parse("2027-01-18T00:30:00Z"), conflicts.get(0).occurrence());
        assertEquals("Họp chuyên đề xã 3", conflicts.get(0).with());

        IcsImport.Preview refused = importer.run("lich.ics", file(), f.pointIds.get(0), all(f), true);
        assertFalse(refused.committed());
        assertEquals(1, refused.conflicts().size());
        assertEquals(List.of(), f.service.calendar(JANUARY, f.pointIds.get(7)), "all or nothing: the relay is not saved either");
        assertTrue(f.audited.stream().anyMatch(a -> a.startsWith("conference.meeting.import ") && a.endsWith("DENIED")));
    }

    @Test
    void twoEventsOfTheSameFileThatClashAreShown() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        byte[] clashing = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x",
                "BEGIN:VEVENT", "UID:a@x", "SUMMARY:Họp A", "DTSTART:20270112T080000", "DTEND:20270112T090000", "END:VEVENT",
                "BEGIN:VEVENT", "UID:b@x", "SUMMARY:Họp B", "DTSTART:20270112T083000", "DTEND:20270112T093000", "END:VEVENT",
                "END:VCALENDAR").getBytes(StandardCharsets.UTF_8);

        IcsImport.Preview preview = new IcsImport(f.service).run("x.ics", clashing, f.pointIds.get(0),
                Set.of(f.pointIds.get(0), f.pointIds.get(1)), true);

        assertFalse(preview.committed());
        assertEquals(List.of(), preview.meetings().get(0).conflicts());
        assertEquals(2, preview.meetings().get(1).conflicts().size());
        assertEquals("Họp A", preview.meetings().get(1).conflicts().get(0).with());
        assertEquals(List.of(), f.service.calendar(JANUARY, 0));
    }

    @Test
    void aFileWithProblemsIsNotCheckedAgainstTheCalendarAndSavesNothing() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        byte[] bad = String.join("\r\n", "BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a@x", "SUMMARY:Họp",
                "DTSTART;TZID=Europe/Berlin:20270328T023000", "DURATION:PT1H", "END:VEVENT", "END:VCALENDAR")
                .getBytes(StandardCharsets.UTF_8);

        IcsImport.Preview preview = new IcsImport(f.service).run("x.ics", bad, f.pointIds.get(0), all(f), true);

        assertFalse(preview.committed());
        assertEquals(1, preview.problems().size());
        assertEquals(5, preview.problems().get(0).line());
        assertEquals("conference.import.error.time-gap", preview.problems().get(0).key());
        assertEquals(List.of(), f.service.calendar(JANUARY, 0));
    }

    @Test
    void onlySchedulersImportAndTheHostMustTakePart() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        IcsImport importer = new IcsImport(f.service);

        ConferenceException hostMissing = assertThrows(ConferenceException.class,
                () -> importer.run("lich.ics", file(), f.pointIds.get(0), Set.of(f.pointIds.get(2)), false));
        assertEquals("conference.error.host-not-participating", hostMissing.key());
        f.permissions = Set.of(ConferencePermissions.READINESS_CONFIRM);
        assertThrows(AccessDeniedException.class, () -> importer.run("lich.ics", file(), f.pointIds.get(0), all(f), true));
        f.permissions = Set.of(ConferencePermissions.BOOKING_MANAGE);
        assertEquals(List.of(), f.service.calendar(JANUARY, 0));
    }
}
