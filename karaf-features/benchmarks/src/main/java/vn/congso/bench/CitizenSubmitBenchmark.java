package vn.congso.bench;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import vn.congso.security.internal.Argon2Passwords;

/**
 * Citizens submitting dossiers through Vaadin's HTTP endpoint (public-services issue: 200
 * citizens submitting at once, p95 ≤ 100 ms per step, 0 errors, 0 duplicate dossiers), on a fresh
 * distribution with the services demo, on loopback ports of its own (HTTP 19781, SSH 19701, RMI
 * 11799/44780).
 *
 * <p><b>Setup (benchmark-only shortcut, not measured).</b> The distribution is started once so
 * that it creates its database and the services demo (the 242-procedure catalogue with the birth
 * registration's e-form), stopped, and N citizens ({@code bench.c0001}…) are written straight
 * into the stopped Derby database (role {@code citizen}, spread over the 11 communes and towns,
 * one shared Argon2id hash, as {@link ExamTakers} does for learners). Started again, every citizen
 * signs in on the login view (4 at a time; Argon2id's cost is the point of a sign-in, printed
 * apart).
 *
 * <p><b>What a citizen does, every step a round trip of Vaadin's protocol.</b> Opens
 * {@code services/submit/1.001193} (Đăng ký khai sinh: the page, the UI's init, the navigation),
 * types the phone, the child's name, the birth date ({@code 01/03/2026}, the page's format),
 * chooses the sex, types the place of birth, the mother's name and the ID number (each a value
 * change the server sees: {@code mSync} and the change event), uploads a small PDF (a multipart
 * POST to the upload's target, content sniffed by the server), and clicks "Nộp hồ sơ"; every
 * fourth citizen double-clicks it (two click events in one message). Checked: the reply shows
 * {@code services-submit-code} with the dossier's code.
 *
 * <p><b>Phases.</b> (1) The baseline: the same citizens each asking for the shell's stylesheet (a
 * static file) at the same pace and in the same number as the steps that follow. (2) Submitting as
 * people do: starts spread over {@code bench.spreadSeconds} (10), {@code bench.thinkMillis} (1000)
 * between one step and the next, every round trip timed by step. (3) At once: every citizen opens
 * and fills a second form, then all click "Nộp hồ sơ" at the same instant (a latch); the submit
 * round trips timed. Afterwards the distribution is stopped and its database counted: the
 * dossiers each citizen has (one per successful submit, never two for one form), and the codes
 * the citizens were shown against the codes stored.
 *
 * <p>System properties: {@code bench.citizens} (200), {@code bench.thinkMillis} (1000),
 * {@code bench.spreadSeconds} (10). Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl
 * karaf-features/benchmarks exec:java -Dbench.main=vn.congso.bench.CitizenSubmitBenchmark}. The
 * distribution is stopped by its pid at the end.
 */
public final class CitizenSubmitBenchmark {

    private static final Karaf.Ports PORTS = new Karaf.Ports(19781, 19701, 11799, 44780);
    private static final String PROCEDURE = "1.001193";
    private static final String PASSWORD = "Bench-citizen-2026!";
    private static final String[] COMMUNES = {"tt-tran-de", "tt-lich-hoi-thuong", "xa-lich-hoi-thuong", "xa-dai-an-2",
        "xa-lieu-tu", "xa-tai-van", "xa-thanh-thoi-an", "xa-thanh-thoi-thuan", "xa-trung-binh", "xa-vien-an",
        "xa-vien-binh"};
    /** A minimal PDF, as the browser test uploads: the server sniffs its content. */
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** The steps in the order a citizen takes them, as printed. */
    private static final List<String> STEPS = List.of("open: the page (first HTML)", "open: the UI's init",
            "open: the navigation (form built)", "type a field (value change)", "choose the sex (select)",
            "upload the PDF (multipart POST)", "submit (dossier stored, code shown)");

    private CitizenSubmitBenchmark() {
    }

    /** Round trips by step and errors by kind, collected by many threads. */
    private static final class Timings {
        final Map<String, List<Long>> nanos = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        final Map<String, String> samples = new ConcurrentHashMap<>();

        void add(String step, long nanoseconds) {
            nanos.computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>())).add(nanoseconds);
        }

        void error(String kind, String sample) {
            errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            samples.putIfAbsent(kind, sample);
        }

        void print(String step, String label) {
            List<Long> sorted = new ArrayList<>(nanos.getOrDefault(step, List.of()));
            Collections.sort(sorted);
            System.out.printf("  %-58s %6d %7.1f %7.1f %7.1f %7.1f%n", label, sorted.size(), Karaf.percentileMillis(sorted, 50),
                    Karaf.percentileMillis(sorted, 95), Karaf.percentileMillis(sorted, 99),
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        }

        void printErrors() {
            if (errors.isEmpty()) {
                System.out.println("  errors: 0");
                return;
            }
            Map<String, Long> counted = new TreeMap<>();
            errors.forEach((k, v) -> counted.put(k, v.get()));
            System.out.println("  errors: " + counted);
            samples.forEach((k, v) -> System.out.println("    first " + k + ": " + VaadinProbe.abbreviate(v)));
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param args the subjects folder and a scratch folder
     * @throws Exception when the platform cannot be prepared or started
     */
    public static void main(String[] args) throws Exception {
        int citizens = Integer.getInteger("bench.citizens", 200);
        long think = Long.getLong("bench.thinkMillis", 1000);
        int spread = Integer.getInteger("bench.spreadSeconds", 10);
        Path subjects = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath().resolve("citizen-submit");
        Karaf.deleteTree(work);
        Files.createDirectories(work);
        Path home = Karaf.unpack(subjects.resolve("congso-distribution.zip"), work);
        System.out.printf("CongSo citizens submitting dossiers: %d citizens, %d ms between steps, starts over %d s;"
                + " java %s; %d cores%n", citizens, think, spread, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        String base = "http://127.0.0.1:" + PORTS.http() + "/";

        Process karaf = Karaf.start(home, PORTS);
        try {
            awaitServicesDemo(home, new VaadinProbe(base));
        } finally {
            Karaf.stop(home, karaf, PORTS);
        }
        List<String> names = addCitizens(home, citizens);

        karaf = Karaf.start(home, PORTS);
        Map<String, List<String>> shown = new ConcurrentHashMap<>();
        int expected = 0;
        try {
            VaadinProbe probe = new VaadinProbe(base);
            awaitServicesDemo(home, probe);
            HttpClient http = VaadinProbe.sharedClient();
            List<VaadinProbe.Browser> browsers = new ArrayList<>();
            for (int i = 0; i < citizens; i++) {
                browsers.add(probe.new Browser(http));
            }
            List<Long> signIns = Collections.synchronizedList(new ArrayList<>());
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < citizens; i++) {
                indexes.add(i);
            }
            ExamTakers.forEach(indexes, 4, i -> signIns.add(ExamTakers.signIn(browsers.get(i), names.get(i), PASSWORD)
                    * 1_000_000L));
            Collections.sort(signIns);
            System.out.printf("Signed in: %d citizens (Argon2id each), sign-in p50 %.0f ms, p95 %.0f ms%n", signIns.size(),
                    Karaf.percentileMillis(signIns, 50), Karaf.percentileMillis(signIns, 95));

            String stylesheet = VaadinProbe.stylesheet(http, base + "login");
            Timings baseline = new Timings();
            Timings paced = new Timings();
            run(citizens, spread, think, i -> {
                VaadinProbe.Browser b = browsers.get(i);
                for (int s = 0; s < 12; s++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> reply = b.send(HttpRequest.newBuilder(URI.create(base + stylesheet)).GET());
                    if (reply.statusCode() == 200 && reply.body().length() > 100) {
                        baseline.add("baseline", System.nanoTime() - t0);
                    } else {
                        baseline.error("http-" + reply.statusCode(), stylesheet);
                    }
                    Thread.sleep(think);
                }
            });
            run(citizens, spread, think, i -> {
                String code = submit(browsers.get(i), i, 1, think, paced, false, null);
                if (code != null) {
                    shown.computeIfAbsent(names.get(i), k -> Collections.synchronizedList(new ArrayList<>())).add(code);
                }
            });
            System.out.printf("%nRound trips, ms (%d citizens, %d ms between one step and the next, starts over %d s)%n",
                    citizens, think, spread);
            System.out.printf("  %-58s %6s %7s %7s %7s %7s%n", "", "count", "p50", "p95", "p99", "max");
            baseline.print("baseline", "baseline: GET the shell's stylesheet (a static file)");
            baseline.printErrors();
            for (String step : STEPS) {
                paced.print(step, step);
            }
            paced.printErrors();

            // At once: every citizen fills a second form, then all click at the same instant.
            Timings burst = new Timings();
            CountDownLatch filled = new CountDownLatch(citizens);
            CountDownLatch go = new CountDownLatch(1);
            long[] wall = new long[2];
            Thread starter = new Thread(() -> {
                try {
                    filled.await();
                    wall[0] = System.nanoTime();
                    go.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            starter.start();
            run(citizens, spread, 0, i -> {
                boolean[] arrived = {false};
                String code = submit(browsers.get(i), i, 2, 0, burst, true, () -> {
                    arrived[0] = true;
                    filled.countDown();
                    go.await();
                });
                if (!arrived[0]) {
                    filled.countDown(); // failed before the click (counted): the others must not wait for it
                }
                if (code != null) {
                    shown.computeIfAbsent(names.get(i), k -> Collections.synchronizedList(new ArrayList<>())).add(code);
                }
            });
            wall[1] = System.nanoTime();
            System.out.printf("%nAt once: %d citizens click \"Nộp hồ sơ\" at the same instant (every fourth a double click)"
                    + ", all stored in %.0f ms%n", citizens, (wall[1] - wall[0]) / 1e6);
            System.out.printf("  %-58s %6s %7s %7s %7s %7s%n", "", "count", "p50", "p95", "p99", "max");
            burst.print(STEPS.get(STEPS.size() - 1), "submit, all at once");
            burst.printErrors();
            expected = shown.values().stream().mapToInt(List::size).sum();
        } finally {
            Karaf.stop(home, karaf, PORTS);
        }
        count(home, names, shown, expected);
        if (expected == citizens * 2) {
            Karaf.deleteTree(work);
        } else {
            System.out.println("Errors: the distribution's log is kept in " + home.resolve("data/log"));
        }
        System.exit(0);
    }

    /** One citizen's work, given the citizen's index. */
    @FunctionalInterface
    private interface Work {
        void run(int citizen) throws Exception;
    }

    /** Waits at the barrier before the submit click. */
    @FunctionalInterface
    private interface Barrier {
        void await() throws InterruptedException;
    }

    /** One thread per citizen, starts spread evenly over {@code spreadSeconds}; waits for all. */
    private static void run(int citizens, int spreadSeconds, long think, Work work) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(citizens);
        long start = System.currentTimeMillis() + 500;
        for (int c = 0; c < citizens; c++) {
            int citizen = c;
            Thread thread = new Thread(() -> {
                try {
                    long sleep = start + citizen * spreadSeconds * 1000L / citizens - System.currentTimeMillis();
                    if (sleep > 0) {
                        Thread.sleep(sleep);
                    }
                    work.run(citizen);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    System.out.println("citizen " + citizen + " stopped: " + e);
                } finally {
                    done.countDown();
                }
            }, "citizen-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
    }

    /**
     * One dossier: opens the birth registration's form, fills it, uploads a PDF and submits.
     *
     * @param round 1 or 2 (the second dossier's fields differ)
     * @param barrier awaited before the submit click, or null
     * @return the code shown, or null after an error (counted)
     */
    private static String submit(VaadinProbe.Browser b, int i, int round, long think, Timings t, boolean onlySubmit,
            Barrier barrier) throws InterruptedException {
        VaadinProbe.Tab tab = null;
        String step = STEPS.get(0);
        try {
            tab = b.open("services/submit/" + PROCEDURE);
            if (!onlySubmit) {
                t.add(STEPS.get(0), b.lastOpen[0]);
                t.add(STEPS.get(1), b.lastOpen[1]);
                t.add(STEPS.get(2), b.lastOpen[2]);
            }
            if (tab.find("services-submit-send") == null) {
                t.error("no-form", tab.lastExecute());
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("services-submit-applicant-phone", String.format("09%08d", i * 10 + round));
            values.put("services-form-ho-ten-tre", (round == 1 ? "Sơn Gia Bảo " : "Thạch Minh Khang ") + (i + 1));
            values.put("services-form-ngay-sinh", "01/03/2026");
            values.put("services-form-noi-sinh", "Trạm y tế xã Tài Văn");
            values.put("services-form-ho-ten-me", "Sơn Thị Thanh Thảo");
            values.put("services-form-so-dinh-danh", String.format("0941900%05d", i));
            step = STEPS.get(3);
            for (Map.Entry<String, String> field : values.entrySet()) {
                pause(think, onlySubmit);
                long t0 = System.nanoTime();
                tab.setValue(field.getKey(), TextNode.valueOf(field.getValue()));
                record(t, onlySubmit, STEPS.get(3), t0);
            }
            step = STEPS.get(4);
            pause(think, onlySubmit);
            VaadinProbe.Node sex = tab.find("services-form-gioi-tinh");
            List<String> keys = sex == null ? List.of() : ExamTakers.keys(tab, sex, "vaadin-select-item");
            if (keys.isEmpty()) {
                t.error("no-sex-choices", "services-form-gioi-tinh");
                return null;
            }
            long t1 = System.nanoTime();
            tab.setValue("services-form-gioi-tinh", TextNode.valueOf(keys.get(i % keys.size())));
            record(t, onlySubmit, STEPS.get(4), t1);
            step = STEPS.get(5);
            pause(think, onlySubmit);
            long t2 = System.nanoTime();
            int status = tab.upload("services-submit-upload", "giay-chung-sinh-" + (i + 1) + ".pdf", "application/pdf", PDF);
            if (status != 200) {
                t.error("upload-http-" + status, "services-submit-upload");
                return null;
            }
            record(t, onlySubmit, STEPS.get(5), t2);
            step = STEPS.get(6);
            if (barrier != null) {
                barrier.await();
            } else {
                pause(think, false);
            }
            long t3 = System.nanoTime();
            if (i % 4 == 3) {
                tab.clickTwice("services-submit-send");
            } else {
                tab.click("services-submit-send");
            }
            long took = System.nanoTime() - t3;
            VaadinProbe.Node done = tab.find("services-submit-code");
            String code = done == null ? null : done.get("data-code");
            if (code == null || !code.startsWith("HS-")) {
                t.error("no-code", "no services-submit-code after the click; files: "
                        + (tab.find("services-submit-file-1") != null) + " " + tab.lastExecute());
                return null;
            }
            t.add(STEPS.get(6), took);
            return code;
        } catch (VaadinProbe.ProtocolException e) {
            t.error(e.kind(), step + ": " + e.getMessage());
            return null;
        } catch (java.io.IOException | RuntimeException e) {
            t.error(e.getClass().getSimpleName(), step + ": " + e.getMessage());
            return null;
        } finally {
            if (tab != null) {
                try {
                    tab.unload();
                } catch (java.io.IOException e) {
                    // measured already
                }
            }
        }
    }

    private static void pause(long think, boolean skip) throws InterruptedException {
        if (!skip && think > 0) {
            Thread.sleep(think);
        }
    }

    private static void record(Timings t, boolean skip, String step, long t0) {
        if (!skip) {
            t.add(step, System.nanoTime() - t0);
        }
    }

    /** Waits until the services demo is loaded (its demo citizen is in the accounts file) and its form shows. */
    private static void awaitServicesDemo(Path home, VaadinProbe probe) throws InterruptedException {
        Karaf.await(() -> probe.status("") == 200, 240_000);
        Path accounts = home.resolve("data/demo-accounts.txt");
        Karaf.await(() -> {
            try {
                return Files.isRegularFile(accounts)
                        && Files.readString(accounts, StandardCharsets.UTF_8).contains("congdan.demo");
            } catch (java.io.IOException e) {
                return false;
            }
        }, 300_000, 1_000);
        Karaf.await(() -> probe.shows("services/procedure/" + PROCEDURE, "services-procedure-title"), 120_000, 500);
    }

    /** Writes the benchmark citizens into the stopped database; @return their user names */
    private static List<String> addCitizens(Path home, int citizens) throws Exception {
        String url = ExamTakers.databaseUrl(home);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            names.add(String.format("bench.c%04d", i + 1));
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            String marker = ExamTakers.one(c, "SELECT setting_value FROM svc_setting WHERE name = 'demo.loaded'");
            if (marker == null) {
                throw new IllegalStateException("The services demo was not loaded");
            }
            ExamTakers.insertAccounts(c, names, "Công dân thử tải ", "citizen", COMMUNES,
                    Argon2Passwords.standard().hash(PASSWORD.toCharArray()));
            c.commit();
        }
        ExamTakers.shutdown(url);
        return names;
    }

    /** Counts the stored dossiers of the benchmark's citizens against the codes they were shown. */
    private static void count(Path home, List<String> names, Map<String, List<String>> shown, int expected)
            throws Exception {
        String url = ExamTakers.databaseUrl(home);
        Map<String, List<String>> stored = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement ps = c.prepareStatement("SELECT applicant, code FROM svc_dossier WHERE applicant LIKE"
                        + " 'bench.c%'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stored.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        ExamTakers.shutdown(url);
        int total = stored.values().stream().mapToInt(List::size).sum();
        int extra = 0;
        int missing = 0;
        for (String name : names) {
            Set<String> storedCodes = Set.copyOf(stored.getOrDefault(name, List.of()));
            List<String> seen = shown.getOrDefault(name, List.of());
            missing += (int) seen.stream().filter(code -> !storedCodes.contains(code)).count();
            extra += (int) storedCodes.stream().filter(code -> !seen.contains(code)).count();
        }
        System.out.printf("%nDatabase after the run: %d dossiers of the benchmark's citizens for %d successful submits"
                + " (%d of them double-clicked); duplicates (stored but never shown): %d; shown but not stored: %d%n",
                total, expected, names.size() / 4 * 2, extra, missing);
    }
}
