package vn.congso.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anonymous readers of the portal's articles (publishing issue: 500 concurrent anonymous readers
 * on article pages through HTTP, p95 ≤ 100 ms, 0 errors, and the heap an anonymous reader
 * costs), on a fresh distribution with its demo articles, on loopback ports of its own (HTTP
 * 19381, SSH 19301, RMI 11399/44580).
 *
 * <p><b>Phase 1, the first HTML.</b> N readers at once, each a thread of its own, each asking for
 * a demo article's page ({@code /portal/article/<slug>}: the server-rendered first response with
 * the article's text and its Open Graph tags, what a chat app's link preview and a search engine
 * read) every 2 s, the articles taken in turn from the RSS feed, for {@code bench.seconds};
 * beside the baseline of the same readers asking for the shell's stylesheet (a static file: the
 * server's own cost of an HTTP round trip; not {@code /health}, which runs every health check). Checked: HTTP 200 and the article's
 * {@code og:title} in the body.
 *
 * <p><b>Phase 2, reading in a browser.</b> The same N readers then open the article as a browser
 * does, through Vaadin's protocol ({@link VaadinProbe.Browser#open}: the page, the UI's init, the
 * navigation; checked: {@code portal-article-title} rendered), and keep the page open. The live
 * heap ({@code jcmd GC.class_histogram}) is weighed before and with every page open; the
 * difference divided by N is what one anonymous reader with an open page costs. Then every page is
 * closed with the browser's unload beacon.
 *
 * <p><b>Phase 3, reading as people read.</b> The same readers, each opening an article through
 * Vaadin's protocol, reading it for {@code bench.readSeconds} (30) and leaving it (the unload
 * beacon) before the next: each round trip timed (what a reader waits for at that load).
 *
 * <p>System properties: {@code bench.readers} (500), {@code bench.seconds} (60), {@code bench.readSeconds} (30). Run:
 * {@code mvn -B -q install -DskipTests && mvn -B -q -pl karaf-features/benchmarks exec:java
 * -Dbench.main=vn.congso.bench.PortalReadersBenchmark}. The distribution is stopped by its pid at
 * the end.
 */
public final class PortalReadersBenchmark {

    private static final Karaf.Ports PORTS = new Karaf.Ports(19381, 19301, 11399, 44580);
    private static final Pattern LINK = Pattern.compile("<link>[^<]*/portal/article/([a-z0-9-]+)</link>");
    private static final long PERIOD_MS = 2_000;

    private PortalReadersBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the subjects folder and a scratch folder
     * @throws Exception when the platform cannot be prepared or started
     */
    public static void main(String[] args) throws Exception {
        int readers = Integer.getInteger("bench.readers", 500);
        int seconds = Integer.getInteger("bench.seconds", 60);
        Path subjects = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath().resolve("portal-readers");
        Karaf.deleteTree(work);
        Files.createDirectories(work);
        Path home = Karaf.unpack(subjects.resolve("congso-distribution.zip"), work);
        System.out.printf("CongSo portal readers: %d anonymous readers, %d s per measured phase; java %s; %d cores%n",
                readers, seconds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        Process karaf = Karaf.start(home, PORTS);
        String base = "http://127.0.0.1:" + PORTS.http() + "/";
        HttpClient http = VaadinProbe.sharedClient();
        try {
            VaadinProbe probe = new VaadinProbe(base);
            Karaf.await(() -> probe.status("") == 200, 240_000);
            List<String> slugs = new ArrayList<>();
            Karaf.await(() -> {
                slugs.clear();
                slugs.addAll(slugs(http, base));
                return slugs.size() >= 10;
            }, 240_000, 1_000);
            Karaf.await(() -> new VaadinProbe(base).new Browser(http).shows("portal/article/" + slugs.get(0),
                    "portal-article-title"), 120_000, 500);
            System.out.printf("Demo articles in the feed: %d%n", slugs.size());

            String stylesheet = VaadinProbe.stylesheet(http, base + "portal/article/" + slugs.get(0));
            Result health = phase(http, base, readers, seconds, i -> stylesheet, body -> body.length() > 100);
            Result firstHtml = phase(http, base, readers, seconds, i -> "portal/article/" + slugs.get(i % slugs.size()),
                    body -> body.contains("og:title"));
            System.out.printf("%nRound trips, ms (%d readers at once, one request each per %d ms, %d s)%n", readers,
                    PERIOD_MS, seconds);
            System.out.printf("  %-62s %7s %6s %6s %6s %6s  %s%n", "", "count", "p50", "p95", "p99", "max", "errors");
            health.print("baseline: GET the shell's stylesheet (a static file)");
            firstHtml.print("article's first HTML (text + Open Graph tags), target p95 <= 100");

            long before = total(Karaf.histogram(home));
            List<VaadinProbe.Tab> tabs = Collections.synchronizedList(new ArrayList<>());
            List<Long> opens = Collections.synchronizedList(new ArrayList<>());
            List<List<Long>> steps = List.of(Collections.synchronizedList(new ArrayList<>()),
                    Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()));
            Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                indexes.add(i);
            }
            long t0 = System.nanoTime();
            ExamTakers.forEach(indexes, 16, i -> {
                VaadinProbe.Browser browser = new VaadinProbe(base).new Browser(http);
                long start = System.nanoTime();
                try {
                    VaadinProbe.Tab tab = browser.open("portal/article/" + slugs.get(i % slugs.size()));
                    if (tab.find("portal-article-title") == null) {
                        errors.computeIfAbsent("no-title", k -> new AtomicLong()).incrementAndGet();
                    } else {
                        opens.add(System.nanoTime() - start);
                        for (int s = 0; s < 3; s++) {
                            steps.get(s).add(browser.lastOpen[s]);
                        }
                        tabs.add(tab);
                    }
                } catch (Exception e) {
                    errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                }
            });
            double openSeconds = (System.nanoTime() - t0) / 1e9;
            long open = total(Karaf.histogram(home));
            List<Long> sorted = new ArrayList<>(opens);
            Collections.sort(sorted);
            System.out.printf("%nOpening the article in a browser (page + UI init + navigation, 16 at a time, %d pages in"
                    + " %.1f s)%n", opens.size(), openSeconds);
            System.out.printf("  %-62s %7d %6.1f %6.1f %6.1f  %s%n", "all three round trips", sorted.size(),
                    Karaf.percentileMillis(sorted, 50), Karaf.percentileMillis(sorted, 95), Karaf.percentileMillis(sorted, 99),
                    errors.isEmpty() ? "0 errors" : errors);
            String[] stepNames = {"  the page (first HTML)", "  the UI's init (v-r=init)", "  the navigation (UIDL), target p95 <= 100"};
            for (int s = 0; s < 3; s++) {
                List<Long> step = new ArrayList<>(steps.get(s));
                Collections.sort(step);
                System.out.printf("  %-62s %7d %6.1f %6.1f %6.1f%n", stepNames[s], step.size(), Karaf.percentileMillis(step, 50),
                        Karaf.percentileMillis(step, 95), Karaf.percentileMillis(step, 99));
            }
            System.out.printf("%nLive heap of the Karaf JVM (jcmd GC.class_histogram): %.1f MB before, %.1f MB with %d"
                    + " article pages open = %.1f KB per anonymous reader with an open page%n", before / 1048576.0,
                    open / 1048576.0, tabs.size(), (open - before) / 1024.0 / Math.max(1, tabs.size()));
            for (VaadinProbe.Tab tab : tabs) {
                try {
                    tab.unload();
                } catch (Exception e) {
                    // measured already; the server is stopped next
                }
            }
            long closed = total(Karaf.histogram(home));
            System.out.printf("  after every page was closed with the unload beacon: %.1f MB (sessions live on until"
                    + " their timeout, without their UIs)%n", closed / 1048576.0);

            paced(http, base, slugs, readers, seconds, Integer.getInteger("bench.readSeconds", 30));
        } finally {
            Karaf.stop(home, karaf, PORTS);
        }
        Karaf.deleteTree(work);
        System.exit(0);
    }

    /**
     * Phase 3: the same readers paced as people read: each opens an article through Vaadin's
     * protocol, reads it for {@code readSeconds} (starts spread over that time), leaves it (the
     * unload beacon) and opens the next, for {@code seconds}; every round trip timed.
     */
    private static void paced(HttpClient http, String base, List<String> slugs, int readers, int seconds, int readSeconds)
            throws InterruptedException {
        List<List<Long>> steps = List.of(Collections.synchronizedList(new ArrayList<>()),
                Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()));
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        long start = System.currentTimeMillis() + 1_000;
        long end = start + seconds * 1000L;
        CountDownLatch done = new CountDownLatch(readers);
        for (int r = 0; r < readers; r++) {
            int reader = r;
            Thread thread = new Thread(() -> {
                try {
                    long next = start + reader * readSeconds * 1000L / readers;
                    int n = reader;
                    while (next < end) {
                        long sleep = next - System.currentTimeMillis();
                        if (sleep > 0) {
                            Thread.sleep(sleep);
                        }
                        try {
                            VaadinProbe.Browser browser = new VaadinProbe(base).new Browser(http);
                            VaadinProbe.Tab tab = browser.open("portal/article/" + slugs.get(n % slugs.size()));
                            if (tab.find("portal-article-title") == null) {
                                errors.computeIfAbsent("no-title", k -> new AtomicLong()).incrementAndGet();
                            } else {
                                for (int i = 0; i < 3; i++) {
                                    steps.get(i).add(browser.lastOpen[i]);
                                }
                            }
                            tab.unload();
                        } catch (java.io.IOException e) {
                            errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                        }
                        n += 7;
                        next += readSeconds * 1000L;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "paced-reader-" + r);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        System.out.printf("%nReading as people read (%d readers, each opening an article through Vaadin's protocol every"
                + " %d s, %d s)%n", readers, readSeconds, seconds);
        String[] names = {"the page (first HTML)", "the UI's init (v-r=init)", "the navigation (UIDL), target p95 <= 100"};
        for (int i = 0; i < 3; i++) {
            List<Long> sorted = new ArrayList<>(steps.get(i));
            Collections.sort(sorted);
            System.out.printf("  %-62s %7d %6.1f %6.1f %6.1f%n", names[i], sorted.size(), Karaf.percentileMillis(sorted, 50),
                    Karaf.percentileMillis(sorted, 95), Karaf.percentileMillis(sorted, 99));
        }
        System.out.printf("  errors: %s%n", errors.isEmpty() ? "0" : errors);
    }

    private static List<String> slugs(HttpClient http, String base) {
        try {
            HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(base + "pub/publishing/feed/rss.xml"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            Matcher m = LINK.matcher(feed.body());
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** What a reader asks for on its n-th request. */
    @FunctionalInterface
    private interface Route {
        String of(int n);
    }

    /** Whether a reply's body is the right one. */
    @FunctionalInterface
    private interface Check {
        boolean ok(String body);
    }

    /** The round trips and errors of one phase. */
    private record Result(List<Long> nanos, Map<String, Long> errors) {
        void print(String label) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            System.out.printf("  %-62s %7d %6.1f %6.1f %6.1f %6.1f  %s%n", label, sorted.size(),
                    Karaf.percentileMillis(sorted, 50), Karaf.percentileMillis(sorted, 95),
                    Karaf.percentileMillis(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                    errors.isEmpty() ? "0" : errors.values().stream().mapToLong(Long::longValue).sum() + " " + errors);
        }
    }

    /** N reader threads, starts spread over one period, each asking every period for {@code seconds}. */
    private static Result phase(HttpClient http, String base, int readers, int seconds, Route route, Check check)
            throws InterruptedException {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        long start = System.currentTimeMillis() + 1_000;
        long end = start + seconds * 1000L;
        CountDownLatch done = new CountDownLatch(readers);
        for (int r = 0; r < readers; r++) {
            int reader = r;
            Thread thread = new Thread(() -> {
                try {
                    long next = start + reader * PERIOD_MS / readers;
                    int n = reader;
                    while (next < end) {
                        long sleep = next - System.currentTimeMillis();
                        if (sleep > 0) {
                            Thread.sleep(sleep);
                        }
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + route.of(n)))
                                    .timeout(Duration.ofSeconds(30)).build(),
                                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                            long t1 = System.nanoTime();
                            if (reply.statusCode() != 200) {
                                errors.computeIfAbsent("http-" + reply.statusCode(), k -> new AtomicLong()).incrementAndGet();
                            } else if (!check.ok(reply.body())) {
                                errors.computeIfAbsent("wrong-body", k -> new AtomicLong()).incrementAndGet();
                            } else {
                                nanos.add(t1 - t0);
                            }
                        } catch (java.io.IOException e) {
                            errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                        }
                        n += 7;
                        next += PERIOD_MS;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "reader-" + r);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        Map<String, Long> counted = new TreeMap<>();
        errors.forEach((k, v) -> counted.put(k, v.get()));
        return new Result(nanos, counted);
    }

    private static long total(Map<String, long[]> histogram) {
        return histogram.values().stream().mapToLong(v -> v[1]).sum();
    }
}
