package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.Formats;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.domain.Conflict;
import vn.congso.conference.internal.domain.ConnectionPoint;
import vn.congso.conference.internal.domain.PointStatus;
import vn.congso.conference.internal.domain.Recurrence;
import vn.congso.conference.internal.domain.Slot;

/** Bookings on a real Derby: validated whole, conflicts named, resolved in one step, serialised by the database. */
class BookingTest {

    @TempDir
    Path folder;

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 7, 30);

    @Test
    void aWeeklySeriesForEveryPointIsSavedWhole() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        BookingResult result = f.service.book(weekly(f, "Giao ban tuần", Set.copyOf(f.pointIds), MONDAY, 4));

        assertTrue(result.saved());
        assertEquals(4, result.occurrences());
        List<CalendarEntry> december = f.service.calendar(month(), f.pointIds.get(5));
        assertEquals(4, december.size());
        assertEquals(MONDAY.plusWeeks(3).atZone(Formats.ZONE).toInstant(), december.get(3).slot().start());
        assertTrue(december.get(0).roomLink().startsWith("https://hop.example.vn/"));
    }

    @Test
    void aClashNamesThePointTheDateAndTheOtherMeetingAndSavesNothing() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long commune3 = f.pointIds.get(3);
        // Wednesday 10 December 08:00–09:00 at commune 3 only.
        assertTrue(f.service.book(single("Họp chuyên đề", Set.of(commune3), commune3,
                LocalDateTime.of(2026, 12, 10, 8, 0), LocalDateTime.of(2026, 12, 10, 9, 0))).saved());
        // A daily series 07:30–08:00 for every point: the 10th ends at 08:00, the other begins at 08:00
        // — no overlap, but inside the 15-minute setup buffer.
        BookingRequest daily = new BookingRequest("Giao ban sáng", "", "Chủ tịch", f.pointIds.get(0),
                Set.copyOf(f.pointIds), MONDAY, MONDAY.plusMinutes(30),
                new Recurrence(Recurrence.Frequency.DAILY, 1, Set.of(), null, null, 5), Set.of(), null);

        BookingResult refused = f.service.book(daily);

        assertFalse(refused.saved());
        assertEquals(1, refused.conflicts().size());
        Conflict conflict = refused.conflicts().get(0);
        assertEquals(commune3, conflict.pointId());
        assertEquals("Xã số 3", conflict.pointName());
        assertEquals(LocalDateTime.of(2026, 12, 10, 7, 30).atZone(Formats.ZONE).toInstant(), conflict.occurrence());
        assertEquals(Conflict.Kind.MEETING, conflict.kind());
        assertEquals("Họp chuyên đề", conflict.with());
        assertEquals(1, f.service.calendar(month(), commune3).size(), "nothing of the refused series was saved");

        // Without the buffer the same series fits.
        f.service.settings(new Settings(ConferenceFixture.SETTINGS.roomUrlTemplate(), java.time.Duration.ZERO, 260,
                java.time.Duration.ofHours(8), java.time.Duration.ofHours(2), java.time.Duration.ofMinutes(15)));
        assertTrue(f.service.book(daily).saved());
    }

    @Test
    void theSchedulerDropsTheConflictingOccurrenceOrPointAndSavesTheRest() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long commune7 = f.pointIds.get(7);
        f.service.book(single("Tập huấn", Set.of(commune7), commune7, MONDAY.plusWeeks(1), MONDAY.plusWeeks(1).plusHours(2)));
        BookingRequest series = weekly(f, "Giao ban tuần", Set.copyOf(f.pointIds), MONDAY, 4);
        List<Conflict> conflicts = f.service.book(series).conflicts();
        assertEquals(1, conflicts.size());

        Set<Instant> dates = new HashSet<>();
        conflicts.forEach(c -> dates.add(c.occurrence()));
        BookingResult withoutDate = f.service.book(series.dropOccurrences(dates));
        assertTrue(withoutDate.saved());
        assertEquals(3, withoutDate.occurrences());
        // The dropped occurrence is kept as an exception, not shown, not blocking anyone.
        assertEquals(4, f.service.calendar(month(), f.pointIds.get(0)).size() + 1);

        ConferenceFixture g = new ConferenceFixture(folder.resolve("second"), false);
        long point7 = g.pointIds.get(7);
        g.service.book(single("Tập huấn", Set.of(point7), point7, MONDAY.plusWeeks(1), MONDAY.plusWeeks(1).plusHours(2)));
        BookingRequest again = weekly(g, "Giao ban tuần", Set.copyOf(g.pointIds), MONDAY, 4);
        BookingResult withoutPoint = g.service.book(again.dropPoints(Set.of(point7)));
        assertTrue(withoutPoint.saved());
        assertEquals(4, withoutPoint.occurrences());
        assertEquals(11, g.service.pointsOf(withoutPoint.meetingId()).size());
    }

    @Test
    void blackoutsMaintenanceAndBadInputAreRefused() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long hub = f.pointIds.get(0);
        long commune1 = f.pointIds.get(1);
        long commune2 = f.pointIds.get(2);
        f.service.addBlackout(commune1, new Slot(at(2026, 12, 7, 0, 0), at(2026, 12, 8, 0, 0)), "Bảo trì đường truyền");
        ConnectionPoint p2 = f.service.points().get(2);
        f.service.savePoint(new ConnectionPoint(p2.id(), p2.unitCode(), p2.name(), false, p2.room(), p2.address(),
                p2.equipment(), p2.contactName(), p2.contactPhone(), p2.contactUser(), 20, PointStatus.MAINTENANCE));

        List<Conflict> conflicts = f.service.book(single("Họp", Set.of(hub, commune1, commune2), hub, MONDAY,
                MONDAY.plusHours(1))).conflicts();
        assertEquals(List.of(Conflict.Kind.BLACKOUT, Conflict.Kind.MAINTENANCE),
                conflicts.stream().map(Conflict::kind).toList());
        assertEquals("Bảo trì đường truyền", conflicts.get(0).with());

        assertEquals("conference.error.end-before-start", assertThrows(ConferenceException.class,
                () -> f.service.book(single("Họp", Set.of(hub), hub, MONDAY, MONDAY.minusHours(1)))).key());
        assertEquals("conference.error.too-long", assertThrows(ConferenceException.class,
                () -> f.service.book(single("Họp", Set.of(hub), hub, MONDAY, MONDAY.plusHours(9)))).key());
        assertEquals("conference.error.unknown-point", assertThrows(ConferenceException.class,
                () -> f.service.book(single("Họp", Set.of(hub, 9999L), hub, MONDAY, MONDAY.plusHours(1)))).key());
        assertEquals("conference.error.host-not-participating", assertThrows(ConferenceException.class,
                () -> f.service.book(single("Họp", Set.of(commune1), hub, MONDAY, MONDAY.plusHours(1)))).key());
        assertEquals("conference.error.recurrence-cap", assertThrows(ConferenceException.class,
                () -> f.service.book(weekly(f, "Họp", Set.of(hub), MONDAY, 300))).key());
        assertEquals("conference.error.recurrence-end", assertThrows(ConferenceException.class,
                () -> f.service.book(new BookingRequest("Họp", "", "", hub, Set.of(hub), MONDAY, MONDAY.plusHours(1),
                        new Recurrence(Recurrence.Frequency.DAILY, 1, Set.of(), null, null, null), Set.of(), null))).key());
        f.permissions = Set.of(ConferencePermissions.READINESS_CONFIRM);
        assertThrows(AccessDeniedException.class,
                () -> f.service.book(single("Họp", Set.of(hub), hub, MONDAY, MONDAY.plusHours(1))));
        f.permissions = Set.of(ConferencePermissions.BOOKING_MANAGE);
        assertEquals(List.of(), f.service.calendar(month(), 0));
    }

    @Test
    void cancellingOneThisAndFollowingOrAllKeepsTheExceptionsAndFreesThePoints() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long hub = f.pointIds.get(0);
        long meeting = f.service.book(weekly(f, "Giao ban tuần", Set.of(hub), MONDAY, 4)).meetingId();
        List<CalendarEntry> all = f.service.meetingEntries(meeting);

        List<CalendarEntry> one = f.service.cancel(all.get(1).occurrenceId(), ConferenceService.Scope.THIS);
        assertEquals(1, one.size());
        assertTrue(one.get(0).cancelled());
        assertEquals(1, one.get(0).sequence());
        // The freed slot can be booked by another meeting.
        assertTrue(f.service.book(single("Họp đột xuất", Set.of(hub), hub, MONDAY.plusWeeks(1),
                MONDAY.plusWeeks(1).plusHours(1))).saved());

        List<CalendarEntry> following = f.service.cancel(all.get(2).occurrenceId(), ConferenceService.Scope.THIS_AND_FOLLOWING);
        assertEquals(2, following.size());
        List<CalendarEntry> after = f.service.meetingEntries(meeting);
        assertEquals(List.of(false, true, true, true), after.stream().map(CalendarEntry::cancelled).toList());

        f.service.cancel(all.get(0).occurrenceId(), ConferenceService.Scope.ALL);
        assertTrue(f.service.meetingEntries(meeting).stream().allMatch(CalendarEntry::cancelled));
        assertEquals(4, f.service.meetingEntries(meeting).size(), "exceptions are kept");
    }

    @Test
    void movingOneOccurrenceIsCheckedLikeABooking() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long hub = f.pointIds.get(0);
        long meeting = f.service.book(weekly(f, "Giao ban tuần", Set.of(hub), MONDAY, 2)).meetingId();
        f.service.book(single("Tiếp dân", Set.of(hub), hub, MONDAY.plusDays(1), MONDAY.plusDays(1).plusHours(2)));
        long first = f.service.meetingEntries(meeting).get(0).occurrenceId();

        List<Conflict> clash = f.service.move(first, MONDAY.plusDays(1).plusMinutes(30), MONDAY.plusDays(1).plusHours(1));
        assertEquals("Tiếp dân", clash.get(0).with());
        assertEquals(List.of(), f.service.move(first, MONDAY.plusMinutes(30), MONDAY.plusHours(1)));
        CalendarEntry moved = f.service.meetingEntries(meeting).get(0);
        assertEquals(MONDAY.plusMinutes(30).atZone(Formats.ZONE).toInstant(), moved.slot().start());
        assertEquals(MONDAY.atZone(Formats.ZONE).toInstant(), moved.originalStart());
        assertEquals(1, moved.sequence());
    }

    /** Two schedulers book clashing meetings at the same moment on a real on-disk Derby: exactly one wins. */
    @Test
    void twoConcurrentConflictingBookingsCannotBothSucceed() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, true);
        long hub = f.pointIds.get(0);
        long commune4 = f.pointIds.get(4);
        long commune5 = f.pointIds.get(5);
        for (int round = 0; round < 5; round++) {
            LocalDateTime start = MONDAY.plusDays(round);
            BookingRequest a = single("Họp A" + round, Set.of(hub, commune4), hub, start, start.plusHours(1));
            BookingRequest b = single("Họp B" + round, Set.of(commune5, commune4), commune5, start.plusMinutes(30),
                    start.plusHours(2));
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<BookingResult> first = pool.submit(() -> {
                    go.await();
                    return f.service.book(a);
                });
                Future<BookingResult> second = pool.submit(() -> {
                    go.await();
                    return f.service.book(b);
                });
                go.countDown();
                BookingResult ra = first.get(60, TimeUnit.SECONDS);
                BookingResult rb = second.get(60, TimeUnit.SECONDS);
                assertEquals(1, (ra.saved() ? 1 : 0) + (rb.saved() ? 1 : 0), "round " + round + ": exactly one wins");
                BookingResult loser = ra.saved() ? rb : ra;
                assertEquals(commune4, loser.conflicts().get(0).pointId());
                assertEquals(ra.saved() ? "Họp A" + round : "Họp B" + round, loser.conflicts().get(0).with());
            } finally {
                pool.shutdownNow();
            }
        }
        Slot all = new Slot(MONDAY.minusDays(1).atZone(Formats.ZONE).toInstant(), MONDAY.plusDays(7).atZone(Formats.ZONE).toInstant());
        assertEquals(5, f.service.calendar(all, commune4).size());
    }

    static BookingRequest weekly(ConferenceFixture f, String title, Set<Long> points, LocalDateTime start, int count) {
        return new BookingRequest(title, "**Nội dung**", "Chủ tịch UBND huyện", f.pointIds.get(0), points, start,
                start.plusHours(1), new Recurrence(Recurrence.Frequency.WEEKLY, 1, Set.of(DayOfWeek.MONDAY), null, null, count),
                Set.of(), null);
    }

    static BookingRequest single(String title, Set<Long> points, long host, LocalDateTime start, LocalDateTime end) {
        return new BookingRequest(title, "", "Phó Chủ tịch", host, points, start, end, null, Set.of(), null);
    }

    static Slot month() {
        return new Slot(at(2026, 12, 1, 0, 0), at(2027, 1, 1, 0, 0));
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return LocalDate.of(y, m, d).atTime(h, min).atZone(Formats.ZONE).toInstant();
    }
}
