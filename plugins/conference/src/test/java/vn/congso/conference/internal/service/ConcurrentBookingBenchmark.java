package vn.congso.conference.internal.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Prints (not asserts) issue 17's concurrency figure on an on-disk Derby with the real service: 100
 * schedulers booking overlapping meetings (1 to 4 of the same 12 points, starts within three
 * hours of one Monday, a quarter of them 4-week series) at the same moment, beside a baseline in
 * the same run: the same 100 bookings one after another on a fresh database. For each: bookings
 * saved, refused, failed; double bookings found afterwards by a query (overlapping, and closer
 * than the setup buffer); refusals that named a point, an occurrence and a meeting really booked
 * there; p50/p95/max of one attempt (lock waits included) and the wall time.
 *
 * <pre>mvn -o -q -pl plugins/conference test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.congso.conference.internal.service.ConcurrentBookingBenchmark</pre>
 */
public final class ConcurrentBookingBenchmark {

    private static final int SCHEDULERS = 100;
    private static final long SEED = 2027;

    private ConcurrentBookingBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args unused
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        // Warm up the JVM and Derby on a throw-away database (classes loaded, statements compiled).
        ConferenceFixture warm = new ConferenceFixture(Files.createTempDirectory("conference-warm"), true);
        ConcurrentBookings.run(warm, ConcurrentBookings.requests(warm, SCHEDULERS, SEED + 1), false);

        ConferenceFixture sequential = new ConferenceFixture(Files.createTempDirectory("conference-seq"), true);
        report("baseline: the same 100 bookings one after another", sequential, run(sequential, false));
        ConferenceFixture concurrent = new ConferenceFixture(Files.createTempDirectory("conference-conc"), true);
        report("100 schedulers at the same moment", concurrent, run(concurrent, true));
        System.exit(0);
    }

    private record Run(List<ConcurrentBookings.Attempt> attempts, double wallMillis) {
    }

    private static Run run(ConferenceFixture f, boolean concurrent) throws Exception {
        List<BookingRequest> requests = ConcurrentBookings.requests(f, SCHEDULERS, SEED);
        long t = System.nanoTime();
        List<ConcurrentBookings.Attempt> attempts = ConcurrentBookings.run(f, requests, concurrent);
        return new Run(attempts, (System.nanoTime() - t) / 1e6);
    }

    private static void report(String what, ConferenceFixture f, Run run) throws Exception {
        int saved = 0;
        int refused = 0;
        int failed = 0;
        int named = 0;
        int conflicts = 0;
        for (ConcurrentBookings.Attempt a : run.attempts()) {
            if (a.error() != null) {
                failed++;
                System.out.println("  failed: " + a.request().title() + ": " + a.error());
            } else if (a.result().saved()) {
                saved++;
            } else {
                refused++;
                conflicts += a.result().conflicts().size();
                if (ConcurrentBookings.namesTheSlot(f, a)) {
                    named++;
                }
            }
        }
        double[] ms = run.attempts().stream().mapToDouble(ConcurrentBookings.Attempt::millis).toArray();
        Arrays.sort(ms);
        System.out.printf("%s:%n  saved %d, refused %d (%d conflicts named), failed %d%n", what, saved, refused, conflicts,
                failed);
        System.out.printf("  double bookings found afterwards: overlapping %d, closer than the %d-minute buffer %d%n",
                ConcurrentBookings.doubleBookings(f, 0), f.service.settings().setupBuffer().toMinutes(),
                ConcurrentBookings.doubleBookings(f, f.service.settings().setupBuffer().toSeconds()));
        System.out.printf("  refusals that named a booked point and date: %d of %d%n", named, refused);
        System.out.printf("  per attempt: p50 %.1f ms, p95 %.1f ms, max %.1f ms; all %d in %.0f ms%n", ms[ms.length / 2],
                ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1], ms.length, run.wallMillis());
    }
}
