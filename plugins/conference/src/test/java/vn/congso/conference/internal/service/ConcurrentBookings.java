package vn.congso.conference.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import vn.congso.conference.internal.domain.Conflict;
import vn.congso.conference.internal.domain.Recurrence;
import vn.congso.conference.internal.domain.Slot;

/**
 * Many schedulers booking overlapping meetings at once through the real {@link ConferenceService}
 * (shared by {@code ConcurrentBookingBenchmark} and {@code ConcurrentBookingTest}): the bookings,
 * running them all at the same moment or one after another, and the checks made afterwards by
 * queries on the database (double bookings, and whether every refusal named a slot that really is
 * booked).
 */
final class ConcurrentBookings {

    /** The Monday the bookings crowd around. */
    static final LocalDateTime DAY = LocalDateTime.of(2027, 3, 1, 8, 0);

    private ConcurrentBookings() {
    }

    /**
     * {@code n} bookings that overlap heavily: each takes 1 to 4 neighbouring points (the hub in one
     * in five), starts on {@link #DAY} between 08:00 and 11:00 on the half hour, lasts 30 to 90
     * minutes; one in four is a weekly series of 4 Mondays. Seeded, so both runs get the same list.
     *
     * @param f the fixture (its 12 points)
     * @param n how many
     * @param seed the random seed
     * @return the bookings
     */
    static List<BookingRequest> requests(ConferenceFixture f, int n, long seed) {
        Random random = new Random(seed);
        List<BookingRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<Long> points = new HashSet<>();
            int first = 1 + random.nextInt(11);
            int width = 1 + random.nextInt(4);
            for (int k = 0; k < width; k++) {
                points.add(f.pointIds.get(1 + (first - 1 + k) % 11));
            }
            long host = f.pointIds.get(first);
            if (random.nextInt(5) == 0) {
                points.add(f.pointIds.get(0));
                host = f.pointIds.get(0);
            }
            LocalDateTime start = DAY.plusMinutes(30L * random.nextInt(7));
            LocalDateTime end = start.plusMinutes(30L * (1 + random.nextInt(3)));
            Recurrence recurrence = random.nextInt(4) == 0
                    ? new Recurrence(Recurrence.Frequency.WEEKLY, 1, Set.of(DayOfWeek.MONDAY), null, null, 4)
                    : null;
            requests.add(new BookingRequest("Cuộc họp " + (i + 1), "", "", host, points, start, end, recurrence, Set.of(),
                    null));
        }
        return requests;
    }

    /**
     * What became of one attempt.
     *
     * @param request the booking
     * @param result the service's answer, or null when it threw
     * @param error what it threw, or null
     * @param millis how long the call took (waiting for other schedulers' locks included)
     */
    record Attempt(BookingRequest request, BookingResult result, Throwable error, double millis) {
    }

    /**
     * Runs the bookings: all at once (one thread each, released together by a latch) or one after
     * another in list order.
     *
     * @param f the fixture
     * @param requests the bookings
     * @param concurrent at once, or one after another
     * @return an attempt per booking, in list order
     * @throws Exception when a thread cannot be joined
     */
    static List<Attempt> run(ConferenceFixture f, List<BookingRequest> requests, boolean concurrent) throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        if (!concurrent) {
            for (BookingRequest request : requests) {
                attempts.add(attempt(f, request));
            }
            return attempts;
        }
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch ready = new CountDownLatch(requests.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Attempt>> futures = new ArrayList<>();
            for (BookingRequest request : requests) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return attempt(f, request);
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Attempt> future : futures) {
                attempts.add(future.get(10, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        return attempts;
    }

    private static Attempt attempt(ConferenceFixture f, BookingRequest request) {
        long t = System.nanoTime();
        try {
            BookingResult result = f.service.book(request);
            return new Attempt(request, result, null, (System.nanoTime() - t) / 1e6);
        } catch (RuntimeException e) {
            return new Attempt(request, null, e, (System.nanoTime() - t) / 1e6);
        }
    }

    /**
     * Double bookings, found by a query on what was saved: pairs of busy rows of two different
     * occurrences at one point whose times overlap once each is widened by {@code gapSeconds} (0:
     * the times themselves overlap; the setup buffer: they come closer than the buffer allows).
     *
     * @param f the fixture
     * @param gapSeconds the gap two bookings at one point must keep
     * @return the number of such pairs
     * @throws Exception when the database fails
     */
    static int doubleBookings(ConferenceFixture f, long gapSeconds) throws Exception {
        try (Connection c = f.derby.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) "
                + "FROM conf_busy a JOIN conf_busy b ON a.point_id = b.point_id AND a.occurrence_id < b.occurrence_id "
                + "AND {fn TIMESTAMPADD(SQL_TSI_SECOND, " + gapSeconds + ", a.ends_at)} > b.starts_at "
                + "AND {fn TIMESTAMPADD(SQL_TSI_SECOND, " + gapSeconds + ", b.ends_at)} > a.starts_at");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Whether a refusal told the scheduler which slot: at least one conflict, and every conflict names
     * one of the refused booking's points and occurrences, and a meeting that really is booked at
     * that point at the times it gives (a busy row saved by a winner).
     *
     * @param f the fixture
     * @param attempt a refused attempt
     * @return whether the refusal named real slots only
     * @throws Exception when the database fails
     */
    static boolean namesTheSlot(ConferenceFixture f, Attempt attempt) throws Exception {
        List<Conflict> conflicts = attempt.result().conflicts();
        if (conflicts.isEmpty()) {
            return false;
        }
        Set<Instant> occurrences = new HashSet<>();
        for (Slot slot : f.service.occurrencesOf(attempt.request())) {
            occurrences.add(slot.start());
        }
        try (Connection c = f.derby.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM conf_busy WHERE point_id = ? AND starts_at = ? AND ends_at = ?")) {
            for (Conflict conflict : conflicts) {
                if (!attempt.request().pointIds().contains(conflict.pointId()) || conflict.pointName().isBlank()
                        || !occurrences.contains(conflict.occurrence()) || conflict.kind() != Conflict.Kind.MEETING
                        || conflict.with().isBlank()) {
                    return false;
                }
                ps.setLong(1, conflict.pointId());
                ps.setTimestamp(2, java.sql.Timestamp.from(conflict.withStart()));
                ps.setTimestamp(3, java.sql.Timestamp.from(conflict.withEnd()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
