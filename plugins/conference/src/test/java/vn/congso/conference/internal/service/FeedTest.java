package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.Formats;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.domain.IcsWriter;

/** .ics exports and token feeds, parsed back by ical4j. */
class FeedTest {

    @TempDir
    Path folder;

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 7, 30);

    @Test
    void theExportOfASeriesCarriesEveryOccurrenceWithCancellationsAndSequence() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long meeting = f.service.book(BookingTest.weekly(f, "Giao ban tuần; \"đặc biệt\", số 1", Set.copyOf(f.pointIds),
                MONDAY, 3)).meetingId();
        List<CalendarEntry> entries = f.service.meetingEntries(meeting);
        f.service.cancel(entries.get(1).occurrenceId(), ConferenceService.Scope.THIS);

        Calendar calendar = parse(f.service.ics(meeting, IcsWriter.Purpose.REQUEST));

        assertEquals("REQUEST", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(3, events.size());
        VEvent second = events.get(1);
        assertEquals("Giao ban tuần; \"đặc biệt\", số 1", second.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals("CANCELLED", second.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("1", second.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("CONFIRMED", events.get(0).getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("0", events.get(0).getProperty(Property.SEQUENCE).orElseThrow().getValue());
        // 07:30 in Asia/Ho_Chi_Minh is 00:30 UTC.
        assertEquals("20261214T003000Z", second.getProperty(Property.DTSTART).orElseThrow().getValue());
        assertEquals("20261214T013000Z", second.getProperty(Property.DTEND).orElseThrow().getValue());
        assertEquals(entries.get(1).uid(), second.getProperty(Property.UID).orElseThrow().getValue());
        assertNotEquals(events.get(0).getProperty(Property.UID).orElseThrow().getValue(), second.getProperty(Property.UID)
                .orElseThrow().getValue());
        assertTrue(second.getProperty(Property.DESCRIPTION).orElseThrow().getValue().startsWith("https://hop.example.vn/"));
        assertEquals("UBND huyện Trần Đề — Phòng họp", second.getProperty(Property.LOCATION).orElseThrow().getValue());
    }

    @Test
    void aPointFeedOpensWithItsTokenOnlyUntilRevoked() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long commune2 = f.pointIds.get(2);
        long commune3 = f.pointIds.get(3);
        f.service.book(BookingTest.single("Họp xã 2", Set.of(commune2), commune2, MONDAY, MONDAY.plusHours(1)));
        f.service.book(BookingTest.single("Họp xã 3", Set.of(commune3), commune3, MONDAY, MONDAY.plusHours(1)));

        String token = f.service.createFeedToken(ConferenceService.FeedKind.POINT, String.valueOf(commune2));
        assertEquals(43, token.length());
        Calendar feed = parse(f.service.feed(token).orElseThrow());
        List<VEvent> events = feed.getComponents("VEVENT");
        assertEquals(List.of("Họp xã 2"), events.stream().map(e -> e.getProperty(Property.SUMMARY).orElseThrow()
                .getValue()).toList());

        assertEquals(Optional.empty(), f.service.feed(token.substring(0, 42) + (token.endsWith("A") ? "B" : "A")));
        assertEquals(Optional.empty(), f.service.feed("../../etc/passwd"));
        assertEquals(Optional.empty(), f.service.feed(null));
        assertEquals(1, f.service.revokeFeedTokens(ConferenceService.FeedKind.POINT, String.valueOf(commune2)));
        assertEquals(Optional.empty(), f.service.feed(token));
        String second = f.service.createFeedToken(ConferenceService.FeedKind.POINT, String.valueOf(commune2));
        assertNotEquals(token, second);
        assertTrue(f.service.feed(second).isPresent());
    }

    @Test
    void aPersonFeedShowsTheMeetingsAtTheirPointsAndOnlyTheyOrACoordinatorMakeIt() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long commune2 = f.pointIds.get(2);
        f.service.book(BookingTest.single("Họp xã 2", Set.of(commune2), commune2, MONDAY, MONDAY.plusHours(1)));
        f.userId = "kythuat.xa-2";
        f.permissions = Set.of(ConferencePermissions.READINESS_CONFIRM);

        String token = f.service.createFeedToken(ConferenceService.FeedKind.PERSON, "kythuat.xa-2");
        assertThrows(AccessDeniedException.class,
                () -> f.service.createFeedToken(ConferenceService.FeedKind.PERSON, "kythuat.xa-3"));
        assertThrows(AccessDeniedException.class,
                () -> f.service.createFeedToken(ConferenceService.FeedKind.POINT, String.valueOf(commune2)));

        Calendar feed = parse(f.service.feed(token).orElseThrow());
        assertEquals(1, feed.getComponents("VEVENT").size());
        assertTrue(f.audited.contains("conference.feed.create PERSON:kythuat.xa-2 SUCCESS"));
    }

    @Test
    void theFeedKeepsACancelledMeetingAsCancelled() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long hub = f.pointIds.get(0);
        long meeting = f.service.book(BookingTest.single("Họp", Set.of(hub), hub, MONDAY, MONDAY.plusHours(1))).meetingId();
        String token = f.service.createFeedToken(ConferenceService.FeedKind.POINT, String.valueOf(hub));
        f.service.cancel(f.service.meetingEntries(meeting).get(0).occurrenceId(), ConferenceService.Scope.ALL);

        VEvent event = parse(f.service.feed(token).orElseThrow()).<VEvent>getComponents("VEVENT").get(0);
        assertEquals("CANCELLED", event.getProperty(Property.STATUS).orElseThrow().getValue());
        // The occurrence's and the meeting's revisions both count.
        assertEquals("2", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals(MONDAY.atZone(Formats.ZONE).toInstant(), Instant.parse("2026-12-07T00:30:00Z"));
    }

    @Test
    void changingASeriesRaisesEveryOccurrencesSequence() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long meeting = f.service.book(BookingTest.weekly(f, "Giao ban", Set.of(f.pointIds.get(0)), MONDAY, 2)).meetingId();
        f.service.updateDetails(meeting, "Giao ban tuần (đổi phòng)", "Họp tại hội trường B");

        List<VEvent> events = parse(f.service.ics(meeting, IcsWriter.Purpose.PUBLISH)).getComponents("VEVENT");
        assertEquals(List.of("1", "1"), events.stream().map(e -> e.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .toList());
        assertEquals("Giao ban tuần (đổi phòng)", events.get(1).getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals("conference.error.required", assertThrows(ConferenceException.class,
                () -> f.service.updateDetails(meeting, " ", "")).key());
        f.permissions = Set.of(ConferencePermissions.READINESS_CONFIRM);
        assertThrows(AccessDeniedException.class, () -> f.service.updateDetails(meeting, "X", ""));
    }

    static Calendar parse(String ics) throws Exception {
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics);
        return new CalendarBuilder().build(new StringReader(ics));
    }
}
