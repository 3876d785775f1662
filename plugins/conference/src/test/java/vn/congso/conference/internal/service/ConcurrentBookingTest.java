package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty schedulers booking overlapping meetings (same points, overlapping times, some series) at
 * the same moment on an on-disk Derby: no double booking is saved and every one refused is told
 * which point, which occurrence and which booked meeting. Not timed ({@code ConcurrentBookingBenchmark}
 * prints the figures for 100).
 */
class ConcurrentBookingTest {

    @TempDir
    Path folder;

    @Test
    void twentySchedulersAtOnceNeverDoubleBookAndEveryLoserIsToldWhichSlot() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, true);
        List<BookingRequest> requests = ConcurrentBookings.requests(f, 20, 17);

        List<ConcurrentBookings.Attempt> attempts = ConcurrentBookings.run(f, requests, true);

        int saved = 0;
        int refused = 0;
        for (ConcurrentBookings.Attempt attempt : attempts) {
            assertEquals(null, attempt.error(), () -> "a booking failed instead of being saved or refused: "
                    + attempt.error() + " caused by " + attempt.error().getCause());
            if (attempt.result().saved()) {
                saved++;
            } else {
                refused++;
                assertTrue(ConcurrentBookings.namesTheSlot(f, attempt), () -> attempt.request().title()
                        + " was refused without naming a booked point and date: " + attempt.result().conflicts());
            }
        }
        assertTrue(saved > 0, "some bookings win");
        assertTrue(refused > 0, "the bookings overlap, so some lose");
        assertEquals(0, ConcurrentBookings.doubleBookings(f, 0), "two meetings at one point at the same time");
        assertEquals(0, ConcurrentBookings.doubleBookings(f, f.service.settings().setupBuffer().toSeconds()),
                "two meetings at one point closer than the setup buffer");
        try (Connection c = f.derby.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM conf_meeting");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(saved, rs.getInt(1), "a refused booking left a meeting behind");
        }
    }

    @Test
    void theSameBookingsOneAfterAnotherAlsoLeaveNoDoubleBooking() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        List<ConcurrentBookings.Attempt> attempts = ConcurrentBookings.run(f, ConcurrentBookings.requests(f, 20, 17), false);

        assertTrue(attempts.stream().anyMatch(a -> a.result().saved()));
        for (ConcurrentBookings.Attempt attempt : attempts) {
            if (!attempt.result().saved()) {
                assertTrue(ConcurrentBookings.namesTheSlot(f, attempt));
            }
        }
        assertEquals(0, ConcurrentBookings.doubleBookings(f, f.service.settings().setupBuffer().toSeconds()));
    }
}
