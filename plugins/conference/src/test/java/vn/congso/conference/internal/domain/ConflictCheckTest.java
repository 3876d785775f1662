package vn.congso.conference.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conflict rule against a table of cases: buffer edges, blackouts without buffer, long entries, maintenance. */
class ConflictCheckTest {

    private static final Instant NINE = Instant.parse("2026-12-07T02:00:00Z"); // 09:00 in Asia/Ho_Chi_Minh
    private static final ConnectionPoint HUB = point(1, PointStatus.AVAILABLE);
    private static final Duration BUFFER = Duration.ofMinutes(15);

    @Test
    void aTableOfCases() {
        Slot booking = new Slot(NINE, NINE.plus(Duration.ofHours(1)));
        // {minutes from 09:00 of the other's start, its length in minutes, kind, clashes?}
        Object[][] cases = {
            {-60, 45, Conflict.Kind.MEETING, false},   // ends 08:45: exactly the buffer before
            {-60, 46, Conflict.Kind.MEETING, true},    // ends 08:46: inside the buffer
            {75, 30, Conflict.Kind.MEETING, false},    // starts 10:15: exactly the buffer after
            {74, 30, Conflict.Kind.MEETING, true},     // starts 10:14
            {30, 10, Conflict.Kind.MEETING, true},     // inside
            {-600, 2000, Conflict.Kind.MEETING, true}, // a long one around it
            {-60, 60, Conflict.Kind.BLACKOUT, false},  // a blackout ending at 09:00: no buffer for blackouts
            {60, 60, Conflict.Kind.BLACKOUT, false},   // a blackout from 10:00
            {-3000, 3100, Conflict.Kind.BLACKOUT, true}, // a blackout of two days, started long before
        };
        for (Object[] c : cases) {
            Instant start = NINE.plus(Duration.ofMinutes((Integer) c[0]));
            Busy other = new Busy(1, new Slot(start, start.plus(Duration.ofMinutes((Integer) c[1]))), (Conflict.Kind) c[2],
                    "x");
            // Among many unrelated entries of the same point, sorted or not.
            List<Busy> existing = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                Instant far = NINE.plus(Duration.ofDays(i));
                existing.add(new Busy(1, new Slot(far, far.plus(Duration.ofMinutes(30))), Conflict.Kind.MEETING, "far"));
                existing.add(new Busy(1, new Slot(far.minus(Duration.ofDays(400)), far.minus(Duration.ofDays(400))
                        .plus(Duration.ofMinutes(30))), Conflict.Kind.MEETING, "far"));
            }
            existing.add(100, other);
            List<Conflict> found = ConflictCheck.conflicts(List.of(booking), List.of(HUB), existing, BUFFER);
            assertEquals(c[3], !found.isEmpty(), java.util.Arrays.toString(c));
            if (!found.isEmpty()) {
                assertEquals(List.of(start), found.stream().map(Conflict::withStart).toList());
            }
        }
    }

    @Test
    void maintenanceClashesWithEveryOccurrenceAndOtherPointsDoNotCount() {
        Slot first = new Slot(NINE, NINE.plus(Duration.ofHours(1)));
        Slot second = new Slot(NINE.plus(Duration.ofDays(7)), NINE.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        ConnectionPoint broken = point(2, PointStatus.MAINTENANCE);
        Busy elsewhere = new Busy(3, first, Conflict.Kind.MEETING, "another point's meeting");
        List<Conflict> found = ConflictCheck.conflicts(List.of(first, second), List.of(HUB, broken), List.of(elsewhere),
                BUFFER);
        assertEquals(List.of(Conflict.Kind.MAINTENANCE, Conflict.Kind.MAINTENANCE),
                found.stream().map(Conflict::kind).toList());
        assertEquals(List.of(first.start(), second.start()), found.stream().map(Conflict::occurrence).toList());
    }

    private static ConnectionPoint point(long id, PointStatus status) {
        return new ConnectionPoint(id, "u" + id, "Điểm " + id, id == 1, "", "", "", "", "", "", 10, status);
    }
}
