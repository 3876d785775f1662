package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.text.Formats;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.domain.Conflict;
import vn.congso.conference.internal.domain.Recurrence;
import vn.congso.conference.internal.domain.Slot;

/** Editing one occurrence, this and the following ones, or the whole series: a split, checked whole first. */
class SeriesEditTest {

    @TempDir
    Path folder;

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 7, 30);

    private ConferenceFixture f;
    private long hub;
    private long c1;
    private long c2;
    private long c3;

    private long weeklySeries() throws Exception {
        f = new ConferenceFixture(folder, false);
        hub = f.pointIds.get(0);
        c1 = f.pointIds.get(1);
        c2 = f.pointIds.get(2);
        c3 = f.pointIds.get(3);
        // Six Mondays 07:30–08:30, 7 December 2026 to 11 January 2027, hub and communes 1–3.
        return f.service.book(BookingTest.weekly(f, "Giao ban tuần", Set.of(hub, c1, c2, c3), MONDAY, 6)).meetingId();
    }

    private static ConferenceService.SeriesEdit edit(String title, int fromHour, Set<Long> points) {
        return new ConferenceService.SeriesEdit(title, "Nội dung mới", LocalTime.of(fromHour, 0), LocalTime.of(fromHour + 1, 0),
                points);
    }

    @Test
    void thisAndFollowingSplitsTheSeriesTheOldOneEndsBeforeAndTheNewOneTakesTheChanges() throws Exception {
        long old = weeklySeries();
        MeetingDocuments documents = new MeetingDocuments(f.database, f::user, f.audit, f.clock,
                new MeetingDocuments.Limits(1024 * 1024, 10));
        documents.attach(old, "bao-cao.pdf", new ByteArrayInputStream(DocumentsTest.pdf()), -1);
        List<CalendarEntry> before = f.service.meetingEntries(old);
        CalendarEntry third = before.get(2);

        BookingResult result = f.service.edit(third.occurrenceId(), ConferenceService.Scope.THIS_AND_FOLLOWING,
                edit("Giao ban tuần (chiều)", 14, Set.of(hub, c1, c2)));

        assertTrue(result.saved());
        assertEquals(4, result.occurrences());
        assertNotEquals(old, result.meetingId());
        List<CalendarEntry> kept = f.service.meetingEntries(old);
        assertEquals(List.of(before.get(0).slot(), before.get(1).slot()), kept.stream().map(CalendarEntry::slot).toList());
        assertTrue(kept.stream().allMatch(e -> e.sequence() == 1), "the old series' revision rises: " + kept);
        List<CalendarEntry> split = f.service.meetingEntries(result.meetingId());
        assertEquals(4, split.size());
        for (int i = 0; i < 4; i++) {
            LocalDateTime was = LocalDateTime.ofInstant(before.get(i + 2).slot().start(), Formats.ZONE);
            assertEquals(new Slot(BookingTest.at(was.getYear(), was.getMonthValue(), was.getDayOfMonth(), 14, 0),
                    BookingTest.at(was.getYear(), was.getMonthValue(), was.getDayOfMonth(), 15, 0)), split.get(i).slot());
            assertEquals("Giao ban tuần (chiều)", split.get(i).title());
            assertNotEquals(before.get(i + 2).uid(), split.get(i).uid(), "a new series, new UIDs");
        }
        assertEquals("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;UNTIL=20261221T072959", rrule(old));
        assertEquals("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=4", rrule(result.meetingId()));
        // The new series' rule gives exactly its occurrences.
        assertEquals(split.stream().map(e -> LocalDateTime.ofInstant(e.slot().start(), Formats.ZONE)).toList(),
                Recurrence.expand(rrule(result.meetingId()), LocalDateTime.of(2026, 12, 21, 14, 0), 260));
        // Commune 3 left the new series: its calendar keeps only the old two; it is free on the 21st at 07:30.
        assertEquals(2, f.service.calendar(new Slot(BookingTest.at(2026, 12, 1, 0, 0), BookingTest.at(2027, 2, 1, 0, 0)), c3)
                .size());
        assertTrue(f.service.book(BookingTest.single("Họp xã 3", Set.of(c3), c3, LocalDateTime.of(2026, 12, 21, 7, 30),
                LocalDateTime.of(2026, 12, 21, 8, 30))).saved());
        // The documents go with the new series too.
        assertEquals(List.of("bao-cao.pdf"), documents.documents(result.meetingId()).stream()
                .map(MeetingDocuments.Document::fileName).toList());
    }

    @Test
    void aConflictAnywhereSavesNothingAndNamesThePointAndTheDate() throws Exception {
        long old = weeklySeries();
        // Commune 2 is busy on 28 December 14:00–15:00.
        assertTrue(f.service.book(BookingTest.single("Tiếp dân", Set.of(c2), c2, LocalDateTime.of(2026, 12, 28, 14, 0),
                LocalDateTime.of(2026, 12, 28, 15, 0))).saved());
        List<CalendarEntry> before = f.service.meetingEntries(old);

        BookingResult refused = f.service.edit(before.get(2).occurrenceId(), ConferenceService.Scope.THIS_AND_FOLLOWING,
                edit("Giao ban tuần (chiều)", 14, Set.of(hub, c1, c2)));

        assertFalse(refused.saved());
        assertEquals(1, refused.conflicts().size());
        Conflict conflict = refused.conflicts().get(0);
        assertEquals(c2, conflict.pointId());
        assertEquals("Xã số 2", conflict.pointName());
        assertEquals(BookingTest.at(2026, 12, 28, 14, 0), conflict.occurrence());
        assertEquals("Tiếp dân", conflict.with());
        assertEquals(before, f.service.meetingEntries(old), "nothing changed");
        assertEquals("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=6", rrule(old));
        assertEquals(2, count("SELECT COUNT(*) FROM conf_meeting"));
    }

    @Test
    void theWholeSeriesChangesInPlaceKeepingItsUidsWithTheirSequenceRaised() throws Exception {
        long old = weeklySeries();
        List<CalendarEntry> before = f.service.meetingEntries(old);

        BookingResult result = f.service.edit(before.get(3).occurrenceId(), ConferenceService.Scope.ALL,
                edit("Giao ban tuần", 9, Set.of(hub, c1, c2, c3)));

        assertEquals(old, result.meetingId());
        assertEquals(6, result.occurrences());
        List<CalendarEntry> after = f.service.meetingEntries(old);
        for (int i = 0; i < 6; i++) {
            assertEquals(before.get(i).uid(), after.get(i).uid());
            assertEquals(before.get(i).sequence() + 2, after.get(i).sequence(), "series and occurrence changed");
            assertEquals(9, LocalDateTime.ofInstant(after.get(i).slot().start(), Formats.ZONE).getHour());
            assertEquals("Nội dung mới", after.get(i).description());
        }
        // "This and following" from the first occurrence is the whole series.
        BookingResult again = f.service.edit(after.get(0).occurrenceId(), ConferenceService.Scope.THIS_AND_FOLLOWING,
                edit("Giao ban tuần", 10, Set.of(hub, c1)));
        assertEquals(old, again.meetingId());
        assertEquals(1, count("SELECT COUNT(*) FROM conf_meeting"));
        assertEquals(0, f.service.calendar(new Slot(BookingTest.at(2026, 12, 1, 0, 0), BookingTest.at(2027, 2, 1, 0, 0)), c3)
                .size(), "commune 3 left the series");
    }

    @Test
    void oneOccurrenceIsDetachedAsItsOwnMeetingAndTheHostCannotBeDropped() throws Exception {
        long old = weeklySeries();
        List<CalendarEntry> before = f.service.meetingEntries(old);
        assertEquals("conference.error.host-not-participating", assertThrows(ConferenceException.class,
                () -> f.service.edit(before.get(1).occurrenceId(), ConferenceService.Scope.THIS, edit("X", 9, Set.of(c1))))
                .key());

        BookingResult result = f.service.edit(before.get(1).occurrenceId(), ConferenceService.Scope.THIS,
                edit("Giao ban đặc biệt", 16, Set.of(hub)));

        assertEquals(1, result.occurrences());
        assertEquals(5, f.service.meetingEntries(old).size());
        assertFalse(f.service.meetingEntries(old).stream().anyMatch(e -> e.originalStart().equals(before.get(1).originalStart())));
        assertEquals("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=6", rrule(old), "the rest of the series is unchanged");
        assertEquals(null, rrule(result.meetingId()));
        assertEquals(BookingTest.at(2026, 12, 14, 16, 0), f.service.meetingEntries(result.meetingId()).get(0).slot().start());
    }

    @Test
    void theMonthEndSeriesIsSplitOnItsOwnDates() throws Exception {
        f = new ConferenceFixture(folder, false);
        hub = f.pointIds.get(0);
        // The 31st of each month, four times: 31 January, 31 March, 31 May, 31 July 2027 (short months skipped).
        LocalDateTime first = LocalDateTime.of(2027, 1, 31, 8, 0);
        long old = f.service.book(new BookingRequest("Sơ kết tháng", "", "", hub, Set.of(hub), first, first.plusHours(1),
                new Recurrence(Recurrence.Frequency.MONTHLY, 1, Set.of(), Recurrence.MonthlyBy.DATE, null, 4), Set.of(),
                null)).meetingId();
        List<CalendarEntry> before = f.service.meetingEntries(old);
        assertEquals(List.of(BookingTest.at(2027, 1, 31, 8, 0), BookingTest.at(2027, 3, 31, 8, 0),
                BookingTest.at(2027, 5, 31, 8, 0), BookingTest.at(2027, 7, 31, 8, 0)),
                before.stream().map(e -> e.slot().start()).toList());

        BookingResult result = f.service.edit(before.get(1).occurrenceId(), ConferenceService.Scope.THIS_AND_FOLLOWING,
                edit("Sơ kết tháng (chiều)", 15, Set.of(hub)));

        assertEquals(List.of(BookingTest.at(2027, 1, 31, 8, 0)),
                f.service.meetingEntries(old).stream().map(e -> e.slot().start()).toList());
        assertEquals(List.of(BookingTest.at(2027, 3, 31, 15, 0), BookingTest.at(2027, 5, 31, 15, 0),
                BookingTest.at(2027, 7, 31, 15, 0)),
                f.service.meetingEntries(result.meetingId()).stream().map(e -> e.slot().start()).toList());
        assertEquals("FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=31;UNTIL=20270331T075959", rrule(old));
        assertEquals(List.of(LocalDateTime.of(2027, 3, 31, 15, 0), LocalDateTime.of(2027, 5, 31, 15, 0),
                LocalDateTime.of(2027, 7, 31, 15, 0)),
                Recurrence.expand(rrule(result.meetingId()), LocalDateTime.of(2027, 3, 31, 15, 0), 260));
        // The old rule, expanded again, stops before the split.
        assertEquals(List.of(first), Recurrence.expand(rrule(old), first, 260));
    }

    @Test
    void theContactsAreToldTheSplitOffOccurrencesAreCancelledAndGetTheNewSeries() throws Exception {
        weeklySeries();
        PlatformConferenceService service = new PlatformConferenceService(f.database, f::user, f.audit,
                InvitationsTest.directory(), InvitationsTest.translations(), InvitationsTest.config());
        List<CalendarEntry> before = service.meetingEntries(service.book(BookingTest.weekly(f, "Giao ban tháng",
                Set.of(hub, c1), MONDAY.plusHours(3), 3)).meetingId());
        List<OutgoingMessage> sent = new ArrayList<>();
        service.notifications(new NotificationService() {
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

        service.edit(before.get(1).occurrenceId(), ConferenceService.Scope.THIS_AND_FOLLOWING,
                edit("Giao ban tháng", 15, Set.of(hub, c1)));

        assertEquals(2, sent.size());
        String cancel = new String(sent.get(0).attachments().get(0).content(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(cancel.contains("METHOD:CANCEL") && cancel.contains("UID:" + before.get(1).uid())
                && cancel.contains("UID:" + before.get(2).uid()) && !cancel.contains("UID:" + before.get(0).uid()), cancel);
        String request = new String(sent.get(1).attachments().get(0).content(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(request.contains("METHOD:REQUEST") && request.split("BEGIN:VEVENT").length == 3, request);
    }

    private String rrule(long meetingId) throws Exception {
        try (Connection c = f.derby.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT rrule FROM conf_meeting WHERE id = ?")) {
            ps.setLong(1, meetingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private int count(String sql) throws Exception {
        try (Connection c = f.derby.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
