package vn.congso.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exam save benchmark through Vaadin's HTTP endpoint, and the heap an open exam UI costs
 * (training issue: 500 concurrent exam takers, each saving an answer every 10 s; p95 ≤ 50 ms,
 * no errors; ≤ 300 KB heap per open exam UI).
 *
 * <p><b>Setup (benchmark-only shortcut, not measured).</b> A fresh distribution is unpacked and
 * started once on loopback ports no other test uses (HTTP 19281, SSH 19201, RMI 11299/44480) so
 * that it creates its database and the training demo (course "Kỹ năng công nghệ thông tin cơ
 * bản" with its 24-question, 30-minute exam); it is stopped, and N learners
 * ({@code bench.u0001}…) are written straight into the stopped Derby database: enabled, role
 * {@code learner} ({@code training:course:enrol}, {@code training:exam:take}), spread over the
 * demo learners' five units, enrolled in the demo course, with no forced password change, all
 * sharing one Argon2id hash made by core/security's own {@code Argon2Passwords.standard()}
 * (a salt shared by benchmark accounts only; every sign-in still verifies it at full cost). The
 * one-time-password change that real new accounts go through is skipped.
 *
 * <p><b>What each virtual user does, all through Vaadin's protocol ({@link VaadinProbe.Tab}).</b>
 * Signs in on the login view (types name and password, clicks, gets the new session cookie),
 * closes that page with the browser's unload beacon; opens {@code training/exam/<id>}, clicks
 * {@code exam-start} and the confirmation, which starts the attempt and navigates to
 * {@code training/attempt/<id>}, and closes that page too. Then — heap measured with every
 * session signed in and no UI open — each opens {@code training/attempt/<id>} as a fresh page
 * with everything a browser keeps running there: the long-polling push connection (the
 * application's {@code @Push(AUTOMATIC, LONG_POLLING)}), Vaadin's heartbeat every
 * {@code heartbeatSeconds} (60) and the poll the attempt view asks for with
 * {@code UI.setPollInterval}, followed at whatever interval the server sets (every 20 s, sooner
 * when a warning or the deadline is due; the countdown itself runs in the browser). The heap
 * is measured again twice: just after opening, when every UI still holds the reply that built it
 * (Vaadin keeps a tab's last reply to resend it until the tab's next request), and once every
 * user has acted once, which is what an exam costs while it runs. Each difference divided by N
 * is the heap per open exam UI, including
 * the UI, the shell layout, the view, push and the HTTP connections the tab keeps open. The live
 * bytes come from {@code jcmd GC.class_histogram}, which counts inside the full GC's safepoint;
 * {@code GC.run} then {@code GC.heap_info} is printed too, but with 500 UIs polling it also counts
 * what they allocated between the two commands.
 *
 * <p><b>Measured.</b> Two phases of equal load, start times spread evenly over 10 s: first the
 * baseline, each user clicking {@code exam-next} (or {@code exam-previous} at the end) every
 * 10 s — a round trip that rebuilds the question form and does no database work; then the saves,
 * each user changing the answer of the question on screen every 10 s (a radio, check box,
 * text, number or select value as the question type needs: {@code mSync} of {@code value} and
 * the component's synchronising event), timed from sending to the reply in which
 * {@code exam-save-status} shows {@code data-state=saved} with the new "saved at" time (the
 * view saves synchronously in the value-change listener, so the acknowledgement is in the same
 * reply). Errors: non-200, {@code appError}, {@code sessionExpired}, a missing component, no
 * acknowledgement, {@code data-state=failed}, and I/O failures.
 *
 * <p>System properties: {@code bench.users} (500), {@code bench.minutes} (2, each phase),
 * {@code bench.signins} (parallel sign-ins, 4), {@code bench.histogram} (true: also print which classes
 * grew most per open exam UI), {@code bench.heapdump} (a folder: write heap dumps with every session
 * signed in and with every exam UI open there). Arguments: the folder holding
 * congso-distribution.zip and a scratch folder. Run: {@code mvn -B -q install -DskipTests &&
 * mvn -B -q -pl karaf-features/benchmarks exec:java -Dbench.main=vn.congso.bench.ExamHttpBenchmark}.
 * The distribution is always stopped by its pid at the end.
 */
public final class ExamHttpBenchmark {

    private static final Karaf.Ports PORTS = new Karaf.Ports(19281, 19201, 11299, 44480);
    private static final long ACTION_PERIOD_MS = 10_000;
    /**
     * Whether the virtual users hold a push connection where the browser would (the attempt
     * screen turns push off; false only to see what push costs elsewhere).
     */
    private static final boolean PUSH = Boolean.parseBoolean(System.getProperty("bench.push", "true"));
    /** The first message of each kind of error, printed once. */
    private static final Map<String, String> SAMPLES = new ConcurrentHashMap<>();

    private ExamHttpBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the subjects folder and a scratch folder
     * @throws Exception when the platform cannot be prepared or started
     */
    public static void main(String[] args) throws Exception {
        int users = Integer.getInteger("bench.users", 500);
        double minutes = Double.parseDouble(System.getProperty("bench.minutes", "2"));
        int signinThreads = Integer.getInteger("bench.signins", 4);
        Path subjects = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath().resolve("exam-http");
        Karaf.deleteTree(work);
        Files.createDirectories(work);
        System.setProperty("derby.stream.error.file", work.resolve("derby-bench.log").toString());
        Path home = Karaf.unpack(subjects.resolve("congso-distribution.zip"), work);
        System.out.printf("CongSo exam benchmark through Vaadin's HTTP endpoint: %d virtual users, %.1f min per phase;"
                + " java %s; %d cores%n", users, minutes, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        Process karaf = Karaf.start(home, PORTS);
        VaadinProbe probe = new VaadinProbe("http://127.0.0.1:" + PORTS.http() + "/");
        long examId;
        try {
            ExamTakers.awaitTraining(probe);
            Thread.sleep(2_000);
        } finally {
            Karaf.stop(home, karaf, PORTS);
        }
        examId = ExamTakers.addLearners(home, users);
        System.out.printf("Setup: %d learners written to the stopped database, demo exam %d%n", users, examId);

        karaf = Karaf.start(home, PORTS);
        HttpClient http = VaadinProbe.sharedClient();
        List<VirtualUser> crowd = new ArrayList<>();
        try {
            ExamTakers.awaitTraining(probe);
            String heartbeat = Files.readAllLines(home.resolve("etc/vn.congso.ui.cfg")).stream()
                    .filter(l -> l.matches("\\s*heartbeatSeconds\\s*=.*")).findFirst().orElse("heartbeatSeconds = 60");
            int heartbeatSeconds = Integer.parseInt(heartbeat.split("=")[1].trim());
            for (int i = 0; i < users; i++) {
                crowd.add(new VirtualUser(i, probe.new Browser(http)));
            }
            signIn(crowd, examId, signinThreads);
            long heapSignedIn = Karaf.heapAfterGc(home);
            Map<String, long[]> before = Karaf.histogram(home);
            String dumps = System.getProperty("bench.heapdump", "");
            if (!dumps.isEmpty()) {
                Karaf.heapDump(home, Path.of(dumps, "signed-in.hprof").toAbsolutePath());
            }

            openExams(crowd);
            Clock plan = new Clock(System.currentTimeMillis() + 5_000, (long) (minutes * 60_000));
            List<Thread> threads = new ArrayList<>();
            for (VirtualUser user : crowd) {
                Thread thread = new Thread(() -> user.run(plan, users, heartbeatSeconds * 1000L), "vu-" + user.index);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            // Let every UI settle (push connected, a few polls) before weighing them.
            Thread.sleep(Math.max(0, plan.start() - System.currentTimeMillis() - 1_000));
            long[] weighing = weighingStarts();
            long heapOpen = Karaf.heapAfterGc(home);
            Map<String, long[]> opened = Karaf.histogram(home);
            if (!dumps.isEmpty()) {
                Karaf.heapDump(home, Path.of(dumps, "exams-open.hprof").toAbsolutePath());
            }
            weighingEnds(weighing);
            if (Boolean.getBoolean("bench.histogram")) {
                printGrowth("just opened", before, opened, users);
            }
            // Weighed again once every user has acted (the first 10 s of the baseline phase): until
            // then each UI still holds the reply that built it, which Vaadin keeps for a resend
            // until the tab's next request. This is what every open exam costs while it runs.
            Thread.sleep(Math.max(0, plan.start() + ACTION_PERIOD_MS + 2_000 - System.currentTimeMillis()));
            weighing = weighingStarts();
            Map<String, long[]> running = Karaf.histogram(home);
            if (!dumps.isEmpty()) {
                Karaf.heapDump(home, Path.of(dumps, "exams-running.hprof").toAbsolutePath());
            }
            weighingEnds(weighing);
            if (Boolean.getBoolean("bench.histogram")) {
                printGrowth("after each user's first action", before, running, users);
            }
            for (Thread thread : threads) {
                thread.join(Math.max(1, plan.end() + 60_000 - System.currentTimeMillis()));
            }
            report(crowd, users, minutes, new long[] {heapSignedIn, heapOpen, total(before), total(opened), total(running)},
                    heartbeatSeconds);
        } finally {
            for (VirtualUser user : crowd) {
                user.stop();
            }
            Karaf.stop(home, karaf, PORTS);
        }
        Karaf.deleteTree(work);
    }

    /**
     * When this program itself stopped the server's world: each weighing forces a full GC of a heap
     * holding every open exam UI (about a second on this machine), which no server does in
     * operation. Round trips that overlapped one, or its 2 s aftermath, are left out of the
     * figures and counted apart.
     */
    private static final List<long[]> WEIGHINGS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final AtomicLong LEFT_OUT = new AtomicLong();

    private static long[] weighingStarts() {
        long[] window = {System.nanoTime(), Long.MAX_VALUE};
        WEIGHINGS.add(window);
        return window;
    }

    private static void weighingEnds(long[] window) {
        window[1] = System.nanoTime() + 2_000_000_000L;
    }

    /** Adds a round trip from {@code t0} to {@code t1} (System.nanoTime) unless it overlapped a weighing. */
    static void record(List<Long> samples, long t0, long t1) {
        for (long[] window : WEIGHINGS) {
            if (window[0] <= t1 && t0 <= window[1]) {
                LEFT_OUT.incrementAndGet();
                return;
            }
        }
        samples.add(t1 - t0);
    }

    /** The schedule of both phases, in wall-clock ms. */
    record Clock(long start, long phase) {
        long savesFrom() {
            return start + phase;
        }

        long end() {
            return start + 2 * phase;
        }
    }

    /** Signs every user in and starts their attempt, a few at a time (each sign-in is an Argon2id verification). */
    private static void signIn(List<VirtualUser> crowd, long examId, int threads) throws Exception {
        long t0 = System.nanoTime();
        ExamTakers.forEach(crowd, threads, user -> user.signInAndStart(examId));
        List<Long> signins = crowd.stream().map(u -> u.signInMillis).toList();
        System.out.printf("Signed in and started %d attempts over the protocol in %.1f s (sign-in round trip median"
                + " %d ms, each an Argon2id verification)%n", crowd.size(), (System.nanoTime() - t0) / 1e9,
                Karaf.median(signins));
    }

    private static void openExams(List<VirtualUser> crowd) throws Exception {
        long t0 = System.nanoTime();
        ExamTakers.forEach(crowd, 8, VirtualUser::openExam);
        System.out.printf("Opened %d exam UIs (heartbeat, the view's re-sync poll, push where asked) in %.1f s%n",
                crowd.size(), (System.nanoTime() - t0) / 1e9);
    }

    private static long total(Map<String, long[]> histogram) {
        return histogram.values().stream().mapToLong(v -> v[1]).sum();
    }

    private static void report(List<VirtualUser> crowd, int users, double minutes, long[] heap, int heartbeatSeconds) {
        List<Long> baseline = new ArrayList<>();
        List<Long> saves = new ArrayList<>();
        List<Long> polls = new ArrayList<>();
        Map<String, Long> baselineErrors = new TreeMap<>();
        Map<String, Long> saveErrors = new TreeMap<>();
        Map<String, Long> otherErrors = new TreeMap<>();
        long pushed = 0;
        long connected = 0;
        for (VirtualUser user : crowd) {
            baseline.addAll(user.baseline);
            saves.addAll(user.saves);
            polls.addAll(user.polls);
            user.baselineErrors.forEach((k, v) -> baselineErrors.merge(k, v.get(), Long::sum));
            user.saveErrors.forEach((k, v) -> saveErrors.merge(k, v.get(), Long::sum));
            user.otherErrors.forEach((k, v) -> otherErrors.merge(k, v.get(), Long::sum));
            pushed += user.exam == null ? 0 : user.exam.pushMessages();
            connected += user.exam != null && user.exam.pushConnected() ? 1 : 0;
        }
        System.out.printf("%nRound trips, ms (%d virtual users, one action each per 10 s, %.1f min per phase)%n", users,
                minutes);
        System.out.printf("  %-58s %7s %6s %6s %6s %6s  %s%n", "", "count", "p50", "p95", "p99", "max", "errors");
        line("baseline: click exam-next/previous (no database work)", baseline, baselineErrors);
        line("exam save: change answer to exam-save-status saved", saves, saveErrors);
        line("background: the view's ui-poll (re-sync every 20 s)", polls, otherErrors);
        System.out.printf("  target: save p95 <= 50 ms, 0 errors; push connected in %d of %d UIs, %d messages pushed%n",
                connected, users, pushed);
        System.out.printf("  left out: %d round trips that overlapped this program's own weighings (a forced full GC"
                + " each, %d in all)%n", LEFT_OUT.get(), WEIGHINGS.size());
        System.out.printf("%nHeap of the Karaf JVM, %d sessions signed in with no UI open, then with %d exam UIs open"
                + " (%d s heartbeat, re-sync poll, push where asked)%n", users, users, heartbeatSeconds);
        System.out.printf("  live objects (jcmd GC.class_histogram, counted in the full GC's safepoint), signed in %6.1f MB%n",
                heap[2] / 1048576.0);
        System.out.printf("    exam UIs just opened (each still holds the reply that built it): %6.1f MB = %6.1f KB per"
                + " open exam UI%n", heap[3] / 1048576.0, (heap[3] - heap[2]) / 1024.0 / users);
        System.out.printf("    after each user's first action (while the exam runs):           %6.1f MB = %6.1f KB per"
                + " open exam UI  (target <= 300 KB)%n", heap[4] / 1048576.0, (heap[4] - heap[2]) / 1024.0 / users);
        System.out.printf("  used after GC.run (jcmd GC.heap_info, a moment later, so it includes what the running UIs"
                + " allocated meanwhile): %6.1f MB -> %6.1f MB%n", heap[0] / 1048576.0, heap[1] / 1048576.0);
    }

    /** The classes whose live bytes grew most between two histograms, per user. */
    private static void printGrowth(String when, Map<String, long[]> before, Map<String, long[]> after, int users) {
        long total = after.entrySet().stream().mapToLong(e -> e.getValue()[1]
                - before.getOrDefault(e.getKey(), new long[2])[1]).sum();
        System.out.printf("%nHeap growth per open exam UI by class, %s (jcmd GC.class_histogram): %.1f KB in all%n",
                when, total / 1024.0 / users);
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {e.getValue()[0] - before.getOrDefault(e.getKey(),
                        new long[2])[0], e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .filter(new java.util.function.Predicate<Map.Entry<String, long[]>>() {
                    private int shown;

                    @Override
                    public boolean test(Map.Entry<String, long[]> e) {
                        return shown++ < 25 || e.getKey().startsWith("vn.congso") && e.getValue()[1] > 0;
                    }
                })
                .forEach(e -> System.out.printf("  %8.1f KB %8.1f objects  %s%n", e.getValue()[1] / 1024.0 / users,
                        (double) e.getValue()[0] / users, e.getKey()));
    }

    private static void line(String label, List<Long> nanos, Map<String, Long> errors) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("  %-58s %7d %6.1f %6.1f %6.1f %6.1f  %s%n", label, sorted.size(), Karaf.percentileMillis(sorted, 50),
                Karaf.percentileMillis(sorted, 95), Karaf.percentileMillis(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                errors.isEmpty() ? "0" : errors.values().stream().mapToLong(Long::longValue).sum() + " " + errors);
    }


    /** One simulated exam taker with one browser. */
    private static final class VirtualUser {
        final int index;
        final VaadinProbe.Browser browser;
        final List<Long> baseline = Collections.synchronizedList(new ArrayList<>());
        final List<Long> saves = Collections.synchronizedList(new ArrayList<>());
        final List<Long> polls = Collections.synchronizedList(new ArrayList<>());
        final Map<String, AtomicLong> baselineErrors = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> saveErrors = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> otherErrors = new ConcurrentHashMap<>();
        long attemptId;
        long signInMillis;
        volatile VaadinProbe.Tab exam;
        /** When the exam page loaded: a browser's poll timer starts then, not when the run starts. */
        volatile long openedAt;
        volatile boolean stopped;
        private boolean forward = true;
        private int answers;

        VirtualUser(int index, VaadinProbe.Browser browser) {
            this.index = index;
            this.browser = browser;
        }

        void signInAndStart(long examId) throws Exception {
            signInMillis = ExamTakers.signIn(browser, index);
            attemptId = ExamTakers.startAttempt(browser, index, examId);
        }

        void openExam() throws Exception {
            VaadinProbe.Tab tab = browser.open("training/attempt/" + attemptId);
            if (tab.find("exam-answer") == null && tab.find("exam-match-1") == null) {
                throw new IllegalStateException(ExamTakers.username(index) + ": no exam-answer in training/attempt/" + attemptId);
            }
            if (PUSH && tab.pushEnabled()) {
                tab.startPush();
            }
            openedAt = System.currentTimeMillis();
            exam = tab;
        }

        void stop() {
            stopped = true;
            VaadinProbe.Tab tab = exam;
            if (tab != null) {
                try {
                    tab.unload();
                } catch (Exception e) {
                    // the server is being stopped anyway
                }
            }
        }

        /** Polls, heartbeats and acts on schedule until the end of the save phase. */
        void run(Clock plan, int users, long heartbeatMillis) {
            VaadinProbe.Tab tab = exam;
            long offset = index * ACTION_PERIOD_MS / users;
            long nextAction = plan.start() + offset;
            long now = System.currentTimeMillis();
            int interval = tab.pollInterval();
            // The first poll of a page opened at openedAt, in the phase its timer has been keeping.
            long nextPoll = Long.MAX_VALUE;
            if (interval > 0) {
                nextPoll = openedAt + interval;
                while (nextPoll < now) {
                    nextPoll += interval;
                }
            }
            long nextHeartbeat = now + heartbeatMillis;
            while (!stopped && nextAction < plan.end()) {
                long wake = Math.min(nextAction, Math.min(nextPoll, nextHeartbeat));
                long sleep = wake - System.currentTimeMillis();
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                long t = System.currentTimeMillis();
                if (t >= nextAction) {
                    boolean saving = nextAction >= plan.savesFrom();
                    act(tab, saving);
                    nextAction += ACTION_PERIOD_MS;
                } else if (t >= nextPoll) {
                    long t0 = System.nanoTime();
                    try {
                        tab.poll();
                        record(polls, t0, System.nanoTime());
                    } catch (Exception e) {
                        count(otherErrors, e);
                    }
                    // The browser's poll timer repeats at a fixed interval; a late poll is not repeated.
                    int next = tab.pollInterval();
                    nextPoll = next > 0 ? Math.max(nextPoll + next, System.currentTimeMillis()) : Long.MAX_VALUE;
                } else if (t >= nextHeartbeat) {
                    try {
                        tab.heartbeat();
                    } catch (Exception e) {
                        count(otherErrors, e);
                    }
                    nextHeartbeat += heartbeatMillis;
                }
            }
        }

        private void act(VaadinProbe.Tab tab, boolean saving) {
            Map<String, AtomicLong> errors = saving ? saveErrors : baselineErrors;
            try {
                if (saving) {
                    VaadinProbe.Node status = tab.find("exam-save-status");
                    String before = tab.text(status);
                    String component = ExamTakers.answerComponent(tab);
                    JsonNode value = ExamTakers.nextValue(tab, component, ++answers);
                    long t0 = System.nanoTime();
                    tab.setValue(component, value);
                    long elapsed = System.nanoTime() - t0;
                    status = tab.find("exam-save-status");
                    String state = status == null ? null : status.get("data-state");
                    String after = tab.text(status);
                    if ("saved".equals(state) && after != null && !after.equals(before)) {
                        record(saves, t0, t0 + elapsed);
                    } else {
                        String kind = "failed".equals(state) ? "save-failed" : "no-ack";
                        if (SAMPLES.putIfAbsent(kind, kind) == null) {
                            System.out.printf("  first %s: %s %s set to %s; status %s '%s' -> '%s'%n", kind, component,
                                    tab.find(component) == null ? "?" : tab.find(component).tag, value, state, before,
                                    after);
                        }
                        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                    }
                } else {
                    String button = forward ? "exam-next" : "exam-previous";
                    VaadinProbe.Node target = tab.find(button);
                    if (target != null && target.attributes.containsKey("disabled")) {
                        forward = !forward;
                        button = forward ? "exam-next" : "exam-previous";
                    }
                    String before = tab.text(tab.find("exam-question-number"));
                    long t0 = System.nanoTime();
                    tab.click(button);
                    long elapsed = System.nanoTime() - t0;
                    String after = tab.text(tab.find("exam-question-number"));
                    if (after != null && !after.equals(before)) {
                        record(baseline, t0, t0 + elapsed);
                    } else {
                        errors.computeIfAbsent("no-change", k -> new AtomicLong()).incrementAndGet();
                    }
                }
            } catch (Exception e) {
                count(errors, e);
            }
        }

        private static void count(Map<String, AtomicLong> errors, Exception e) {
            String kind = e instanceof VaadinProbe.ProtocolException p ? p.kind() : e.getClass().getSimpleName();
            if (SAMPLES.putIfAbsent(kind, String.valueOf(e.getMessage())) == null) {
                System.out.println("  first " + kind + ": " + VaadinProbe.abbreviate(e.getMessage()));
            }
            errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }
    }
}
