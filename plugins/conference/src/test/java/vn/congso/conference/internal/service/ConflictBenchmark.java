package vn.congso.conference.internal.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.congso.conference.internal.domain.Busy;
import vn.congso.conference.internal.domain.Conflict;
import vn.congso.conference.internal.domain.ConflictCheck;
import vn.congso.conference.internal.domain.ConnectionPoint;
import vn.congso.conference.internal.domain.Recurrence;
import vn.congso.conference.internal.domain.Slot;

/**
 * Prints (not asserts) the figures of issue 17's benchmarks on an on-disk Derby: the whole check of
 * a 52-week series × 12 points against 100,000 existing bookings (the service's real path: row
 * locks, reading the busy rows near each occurrence, checking; refused, so nothing is saved), beside
 * two baselines in the same run (the check with the span's rows already in memory, and the previous
 * version's read of the whole span), and a point's feed (its window of the same dense history:
 * 6,206 events, far more than 5 years of weekly meetings would give) beside writing the same
 * events from memory and the previous version's ical4j writer. Median, p90 and best of 31 runs.
 *
 * <pre>mvn -o -q -pl plugins/conference test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.congso.conference.internal.service.ConflictBenchmark</pre>
 */
public final class ConflictBenchmark {

    private ConflictBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args unused
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("conference-bench");
        ConferenceFixture f = new ConferenceFixture(folder, true);
        Instant start = Instant.parse("2027-01-04T00:30:00Z");
        long meeting;
        // 100,000 busy rows: one meeting with 100,000 / 12 occurrences over about 5 years (every
        // 30 minutes between 07:00 and 17:00 local on weekdays), each at all 12 points.
        try (Connection c = f.derby.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO conf_meeting (uid, title, agenda, chair, host_point_id, "
                    + "rrule, room_link, visibility, status, sequence_no, created_by, created_at) VALUES ('bench', 'Họp có sẵn', '', "
                    + "'', ?, NULL, 'https://x/y', 'INTERNAL', 'SCHEDULED', 0, 'bench', ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, f.pointIds.get(0));
                ps.setTimestamp(2, Timestamp.from(start));
                ps.executeUpdate();
                try (var keys = ps.getGeneratedKeys()) {
                    keys.next();
                    meeting = keys.getLong(1);
                }
            }
            try (PreparedStatement mp = c.prepareStatement("INSERT INTO conf_meeting_point VALUES (?, ?)")) {
                for (long p : f.pointIds) {
                    mp.setLong(1, meeting);
                    mp.setLong(2, p);
                    mp.addBatch();
                }
                mp.executeBatch();
            }
            int occurrences = 100_000 / f.pointIds.size();
            Instant at = start;
            try (PreparedStatement occ = c.prepareStatement("INSERT INTO conf_occurrence (meeting_id, original_start, starts_at, "
                    + "ends_at, status, sequence_no) VALUES (?, ?, ?, ?, 'SCHEDULED', 0)", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement busy = c.prepareStatement("INSERT INTO conf_busy VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < occurrences; i++) {
                    at = next(at);
                    occ.setLong(1, meeting);
                    occ.setTimestamp(2, Timestamp.from(at));
                    occ.setTimestamp(3, Timestamp.from(at));
                    occ.setTimestamp(4, Timestamp.from(at.plus(25, ChronoUnit.MINUTES)));
                    occ.executeUpdate();
                    long id;
                    try (var keys = occ.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    for (long p : f.pointIds) {
                        busy.setLong(1, id);
                        busy.setLong(2, p);
                        busy.setTimestamp(3, Timestamp.from(at));
                        busy.setTimestamp(4, Timestamp.from(at.plus(25, ChronoUnit.MINUTES)));
                        busy.addBatch();
                    }
                    if (i % 500 == 0) {
                        busy.executeBatch();
                        c.commit();
                    }
                }
                busy.executeBatch();
            }
            // What the service's bookings would have recorded: the longest busy row of each point.
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE conf_point SET longest_busy_minutes = 25");
            }
            c.commit();
        }
        System.out.println("100,000 busy rows written");
        // A weekly series on Saturdays (no clash) for 52 weeks and all 12 points: checked and saved whole.
        LocalDateTime saturday = LocalDateTime.of(2027, 1, 9, 8, 0);
        BookingRequest free = new BookingRequest("Chuỗi thử", "", "", f.pointIds.get(0), Set.copyOf(f.pointIds), saturday,
                saturday.plusHours(1), new Recurrence(Recurrence.Frequency.WEEKLY, 1, Set.of(DayOfWeek.SATURDAY), null, null,
                        52), Set.of(), null);
        // The same on Mondays at 09:00: clashes every week, refused whole.
        LocalDateTime monday = LocalDateTime.of(2027, 1, 11, 9, 0);
        BookingRequest clash = new BookingRequest("Chuỗi trùng", "", "", f.pointIds.get(0), Set.copyOf(f.pointIds), monday,
                monday.plusHours(1), new Recurrence(Recurrence.Frequency.WEEKLY, 1, Set.of(DayOfWeek.MONDAY), null, null, 52),
                Set.of(), null);
        List<Slot> slots = f.service.occurrencesOf(clash);
        List<ConnectionPoint> points = f.service.points();
        List<Busy> inMemory = new ArrayList<>();
        for (CalendarRow row : rows(f, slots)) {
            inMemory.add(new Busy(row.point, row.slot, Conflict.Kind.MEETING, "Họp có sẵn"));
        }
        double[] baseline = time(31, () -> ConflictCheck.conflicts(slots, points, inMemory, f.service.settings().setupBuffer()));
        // The previous version's read: every busy row of the points in the series' whole span, joined to its meeting.
        double[] previous = time(31, () -> {
            List<Busy> span = previousSpanRead(f, slots);
            ConflictCheck.conflicts(slots, points, span, f.service.settings().setupBuffer());
        });
        double[] refused = time(31, () -> {
            BookingResult r = f.service.book(clash);
            if (r.saved()) {
                throw new IllegalStateException("expected conflicts");
            }
        });
        System.out.printf("conflicts found per refused check: %d%n", f.service.book(clash).conflicts().size());
        System.out.printf("baseline: in-memory check of 52 x 12 against the %d busy rows of the span: median %.1f ms, "
                + "p90 %.1f ms, best %.1f ms%n", inMemory.size(), baseline[0], baseline[1], baseline[2]);
        System.out.printf("previous version: read the span's rows with their meetings, check: median %.1f ms, p90 %.1f ms, "
                + "best %.1f ms%n", previous[0], previous[1], previous[2]);
        System.out.printf("book (row locks, read the windows near each occurrence, check; refused): median %.1f ms, "
                + "p90 %.1f ms, best %.1f ms%n", refused[0], refused[1], refused[2]);
        long t0 = System.nanoTime();
        BookingResult saved = f.service.book(free);
        System.out.printf("book and save a 52-week series for 12 points (no clash): %.1f ms, saved %s%n",
                (System.nanoTime() - t0) / 1e6, saved.saved());
        String token = f.service.createFeedToken(ConferenceService.FeedKind.POINT, String.valueOf(f.pointIds.get(3)));
        f.clock.set(Instant.parse("2027-09-01T00:00:00Z"));
        double[] feed = time(31, () -> f.service.feed(token).orElseThrow());
        List<vn.congso.conference.internal.domain.CalendarEntry> events = f.service.calendar(new Slot(
                f.clock.instant().minus(ConferenceService.FEED_DAYS_BACK, ChronoUnit.DAYS),
                f.clock.instant().plus(ConferenceService.FEED_DAYS_AHEAD, ChronoUnit.DAYS)), f.pointIds.get(3));
        double[] writing = time(31, () -> vn.congso.conference.internal.domain.IcsWriter.write(events,
                vn.congso.conference.internal.domain.IcsWriter.Purpose.PUBLISH, f.clock.instant()));
        double[] previousFeed = time(31, () -> previousIcs(events, f.clock.instant()));
        System.out.printf("baseline: writing the feed's %d events from memory: median %.1f ms, p90 %.1f ms, best %.1f ms%n",
                events.size(), writing[0], writing[1], writing[2]);
        System.out.printf("previous version: the same events through ical4j's model and CalendarOutputter: median %.1f ms, "
                + "p90 %.1f ms, best %.1f ms%n", previousFeed[0], previousFeed[1], previousFeed[2]);
        System.out.printf("feed of a point (token, read, write; window 90 days back, 400 ahead, %d events): median %.1f ms, "
                + "p90 %.1f ms, best %.1f ms%n", f.service.feed(token).orElseThrow().split("BEGIN:VEVENT").length - 1, feed[0],
                feed[1], feed[2]);
        System.exit(0);
    }

    private record CalendarRow(long point, Slot slot) {
    }

    private static List<CalendarRow> rows(ConferenceFixture f, List<Slot> slots) throws Exception {
        Slot span = new Slot(slots.get(0).start().minus(1, ChronoUnit.DAYS),
                slots.get(slots.size() - 1).end().plus(1, ChronoUnit.DAYS));
        List<CalendarRow> rows = new ArrayList<>();
        try (Connection c = f.derby.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT point_id, starts_at, ends_at FROM conf_busy WHERE starts_at < ? AND ends_at > ?")) {
            ps.setTimestamp(1, Timestamp.from(span.end()));
            ps.setTimestamp(2, Timestamp.from(span.start()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CalendarRow(rs.getLong(1), new Slot(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant())));
                }
            }
        }
        return rows;
    }

    /** The previous version's read of the conflict check (kept here as the baseline). */
    private static List<Busy> previousSpanRead(ConferenceFixture f, List<Slot> slots) throws Exception {
        Instant from = slots.get(0).start().minus(1, ChronoUnit.DAYS);
        Instant to = slots.get(slots.size() - 1).end().plus(1, ChronoUnit.DAYS);
        List<Busy> found = new ArrayList<>();
        try (Connection c = f.derby.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT b.point_id, b.starts_at, "
                + "b.ends_at, m.title FROM conf_busy b JOIN conf_occurrence o ON o.id = b.occurrence_id JOIN conf_meeting m "
                + "ON m.id = o.meeting_id WHERE b.point_id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AND b.starts_at < ? "
                + "AND b.ends_at > ?")) {
            int i = 1;
            for (long p : f.pointIds) {
                ps.setLong(i++, p);
            }
            ps.setTimestamp(i++, Timestamp.from(to));
            ps.setTimestamp(i, Timestamp.from(from));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Busy(rs.getLong(1), new Slot(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()),
                            Conflict.Kind.MEETING, rs.getString(4)));
                }
            }
        }
        return found;
    }

    /** The previous version's writer: ical4j's object model and CalendarOutputter (kept here as the baseline). */
    private static String previousIcs(List<vn.congso.conference.internal.domain.CalendarEntry> entries, Instant stamp)
            throws Exception {
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.model.Calendar();
        calendar.add(new net.fortuna.ical4j.model.property.ProdId(vn.congso.conference.internal.domain.IcsWriter.PRODUCT));
        calendar.add(net.fortuna.ical4j.model.property.immutable.ImmutableVersion.VERSION_2_0);
        calendar.add(new net.fortuna.ical4j.model.property.Method("PUBLISH"));
        for (var entry : entries) {
            var event = new net.fortuna.ical4j.model.component.VEvent(entry.slot().start(), entry.slot().end(), entry.title());
            event.add(new net.fortuna.ical4j.model.property.Uid(entry.uid()));
            event.add(new net.fortuna.ical4j.model.property.DtStamp(stamp));
            event.add(new net.fortuna.ical4j.model.property.Sequence(entry.sequence()));
            event.add(new net.fortuna.ical4j.model.property.Status(entry.cancelled() ? "CANCELLED" : "CONFIRMED"));
            event.add(new net.fortuna.ical4j.model.property.Location(entry.location()));
            event.add(new net.fortuna.ical4j.model.property.Url(new java.net.URI(entry.roomLink())));
            event.add(new net.fortuna.ical4j.model.property.Description(entry.roomLink() + "\n\n" + entry.description()));
            calendar.add(event);
        }
        java.io.StringWriter out = new java.io.StringWriter();
        new net.fortuna.ical4j.data.CalendarOutputter(false).output(calendar, out);
        return out.toString();
    }

    private static Instant next(Instant at) {
        Instant n = at.plus(30, ChronoUnit.MINUTES);
        LocalDateTime local = LocalDateTime.ofInstant(n, vn.congso.api.text.Formats.ZONE);
        while (local.getHour() >= 17 || local.getHour() < 7 || local.getDayOfWeek().getValue() >= 6) {
            n = n.plus(30, ChronoUnit.MINUTES);
            local = LocalDateTime.ofInstant(n, vn.congso.api.text.Formats.ZONE);
        }
        return n;
    }

    private static double[] time(int runs, ThrowingRunnable work) throws Exception {
        work.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[runs / 2], ms[(int) (runs * 0.9)], ms[0]};
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
