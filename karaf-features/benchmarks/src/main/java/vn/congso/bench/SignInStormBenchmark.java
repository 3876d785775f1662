package vn.congso.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The sign-in storm before an exam (issue 12, point 9): {@code bench.users} (2,000) people sign
 * in on the login view within {@code bench.seconds} (120), their start times spread evenly, all
 * through Vaadin's protocol ({@link ExamTakers#signIn}: open the login page, type name and
 * password, click, the reply that sends the browser home). Each sign-in is timed from its
 * planned start, so time spent waiting for a free client thread or for the server counts.
 * Baseline in the same run: {@code bench.baseline} (20) sign-ins one after another on the quiet
 * server, which is one sign-in's own cost (one Argon2id verification plus the page's round
 * trips). The hash is never weakened: every learner has core/security's standard Argon2id hash.
 *
 * <p>Arguments: the folder holding congso-distribution.zip, and a scratch folder. The learners
 * are written into the stopped database as {@link ExamTakers#addLearners} does.
 */
public final class SignInStormBenchmark {

    private static final Karaf.Ports PORTS = new Karaf.Ports(19681, 19601, 11691, 44494);

    private SignInStormBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.getInteger("bench.users", 2000);
        int seconds = Integer.getInteger("bench.seconds", 120);
        int baselineRuns = Integer.getInteger("bench.baseline", 20);
        Path subjects = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath().resolve("sign-in-storm");
        Karaf.deleteTree(work);
        Files.createDirectories(work);
        System.setProperty("derby.stream.error.file", work.resolve("derby-bench.log").toString());
        Path home = Karaf.unpack(subjects.resolve("congso-distribution.zip"), work);
        System.out.printf("CongSo sign-in storm: %d sign-ins within %d s on the login view; java %s; %d cores%n",
                users, seconds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        VaadinProbe probe = new VaadinProbe("http://127.0.0.1:" + PORTS.http() + "/");
        Process karaf = Karaf.start(home, PORTS);
        try {
            ExamTakers.awaitTraining(probe);
        } finally {
            Karaf.stop(home, karaf, PORTS);
        }
        ExamTakers.addLearners(home, users + baselineRuns);

        karaf = Karaf.start(home, PORTS);
        HttpClient http = VaadinProbe.sharedClient();
        try {
            ExamTakers.awaitTraining(probe);
            Thread.sleep(2_000);
            List<Long> baseline = new ArrayList<>();
            for (int i = 0; i < baselineRuns; i++) {
                long t0 = System.nanoTime();
                ExamTakers.signIn(probe.new Browser(http), users + i);
                baseline.add(System.nanoTime() - t0);
            }

            // Enough client threads that none waits for another (each sign-in holds one for its
            // whole duration); a start time that passes while every thread is busy still counts.
            ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("bench.threads", 300));
            long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            long spacing = TimeUnit.SECONDS.toNanos(seconds) / users;
            List<Future<Long>> results = new ArrayList<>();
            Map<String, Integer> errors = Collections.synchronizedMap(new TreeMap<>());
            for (int i = 0; i < users; i++) {
                long planned = start + i * spacing;
                int index = i;
                long wait = planned - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                results.add(pool.submit(() -> {
                    try {
                        ExamTakers.signIn(probe.new Browser(http), index);
                        return System.nanoTime() - planned;
                    } catch (Exception e) {
                        errors.merge(e.getClass().getSimpleName() + ": " + VaadinProbe.abbreviate(
                                String.valueOf(e.getMessage())), 1, Integer::sum);
                        return -1L;
                    }
                }));
            }
            List<Long> storm = new ArrayList<>();
            for (Future<Long> result : results) {
                long nanos = result.get();
                if (nanos >= 0) {
                    storm.add(nanos);
                }
            }
            long wall = System.nanoTime() - start;
            pool.shutdownNow();

            System.out.printf("%n%-52s %6s %8s %8s %8s %8s  %s%n", "measure", "n", "p50 ms", "p95 ms", "p99 ms",
                    "max ms", "errors");
            line("baseline: one sign-in at a time, quiet server", baseline, Map.of());
            line("storm: " + users + " sign-ins spread over " + seconds + " s", storm, errors);
            System.out.printf("%nThe storm's last sign-in finished %.1f s after the first began (target p95 <= 2,000 ms)%n",
                    wall / 1e9);
        } finally {
            Karaf.stop(home, karaf, PORTS);
        }
        Karaf.deleteTree(work);
    }

    private static void line(String label, List<Long> nanos, Map<String, Integer> errors) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%-52s %6d %8.0f %8.0f %8.0f %8.0f  %s%n", label, sorted.size(), Karaf.percentileMillis(sorted, 50),
                Karaf.percentileMillis(sorted, 95), Karaf.percentileMillis(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, errors.isEmpty() ? "0" : errors);
    }
}
