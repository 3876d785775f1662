package vn.congso.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A crash campaign (issue 12, point 10; a program that prints numbers, not a timed test):
 * rounds of {@code kill -9} of the Karaf JVM while simulated exam takers save answers, each
 * followed by a restart.
 *
 * <p><b>Setup (benchmark-only shortcut, not measured).</b> A fresh distribution on loopback ports
 * no other test uses (HTTP 19581, SSH 19501, RMI 11591/44491) is started once so that it creates
 * its database and the training demo, then stopped; the takers ({@code bench.u0001}…) are
 * written into the stopped Derby database as {@link ExamTakers#addLearners} does, and the demo
 * exam is given a 24-hour time limit (so that no attempt runs out during the campaign unless the
 * campaign makes it) and options in their stored order (so that the answer on screen can be
 * compared with the stored one). The distribution is started again, every taker signs in on the
 * login view and starts the demo exam, all through Vaadin's HTTP protocol ({@link VaadinProbe}).
 *
 * <p><b>Each round.</b> Every taker still sitting the exam signs in again (sessions do not
 * survive a kill), opens {@code training/attempt/<id>} and, every {@code bench.savePeriod} ms
 * (2000), gives the question on screen a new answer ({@code mSync} of the value and the
 * component's synchronising event, as the web component sends it); every third action moves to
 * the next question instead (matching questions are skipped). An answer is <i>acknowledged</i>
 * when the reply to that request shows {@code exam-save-status} with {@code data-state=saved}
 * and a new "saved at" time (a taker waits more than a second between its saves, so that each
 * acknowledgement shows a new time). At a random moment ({@code bench.killAfter}, 5–20 s after
 * every taker has started saving) the Karaf JVM named in {@code karaf.pid} is killed with
 * SIGKILL. The database files as the kill left them are copied and opened with embedded Derby in
 * this program (Derby's crash recovery runs on the copy, from the same files the restarted
 * server recovers from; the distribution's own files are not touched): for every question of
 * every attempt that ever had an acknowledged answer, the stored response must be the last
 * acknowledged answer or one sent after it whose reply never came; any other is a lost
 * acknowledged answer. In the rounds listed in {@code bench.expireRounds} ({@code kills/4} and
 * {@code 3·kills/4}), {@code bench.expire} (10) takers' attempts are made to run out while the
 * server is down: their deadline is set 2 minutes (plus the grace period) in the past in the
 * distribution's database (so in those rounds Derby's crash recovery runs in this program, not
 * at the restart); those takers stop sitting the exam and nobody opens their attempts again.
 * Then the same home is started again and the time from the start to the sign-in page rendering
 * ({@code login-username} in the reply to navigating to {@code login}) is measured, and to the
 * training plugin's views being served. From the next round's copy on, and at the end, every
 * attempt made to run out must be {@code AUTO_SUBMITTED}, recorded as submitted at its deadline,
 * graded, and audited as {@code training.attempt.auto-submit} by {@code system:training-sweeper}.
 *
 * <p><b>At the end</b> the distribution is stopped cleanly and its own database is checked the
 * same way. A table per round and the totals are printed.
 *
 * <p>System properties: {@code bench.kills} (20), {@code bench.takers} (200), {@code bench.expire}
 * (10), {@code bench.expireRounds} (comma-separated round numbers), {@code bench.savePeriod}
 * (2000 ms), {@code bench.killAfter} ("5-20" s), {@code bench.signins} (parallel sign-ins, 4),
 * {@code bench.seed} (the random kill moments and expiring takers; printed). Arguments: the
 * folder holding congso-distribution.zip and a scratch folder. Run: {@code mvn -B -q install
 * -DskipTests && mvn -B -q -pl karaf-features/benchmarks exec:java
 * -Dbench.main=vn.congso.bench.CrashCampaign}. The distribution is always stopped by its pid.
 */
public final class CrashCampaign {

    private static final Karaf.Ports PORTS = new Karaf.Ports(19581, 19501, 11591, 44491);
    private static final Pattern QUESTION_NUMBER = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)");
    private static final String SWEEPER = "system:training-sweeper";
    /** The first message of each kind of error, printed once. */
    private static final Map<String, String> SAMPLES = new ConcurrentHashMap<>();

    private CrashCampaign() {
    }

    /**
     * Runs the campaign.
     *
     * @param args the subjects folder and a scratch folder
     * @throws Exception when the platform cannot be prepared or started
     */
    public static void main(String[] args) throws Exception {
        int kills = Integer.getInteger("bench.kills", 20);
        int takers = Integer.getInteger("bench.takers", 200);
        int expire = Integer.getInteger("bench.expire", 10);
        long savePeriod = Long.getLong("bench.savePeriod", 2000);
        String[] killAfter = System.getProperty("bench.killAfter", "5-20").split("-");
        long killMin = Long.parseLong(killAfter[0].trim()) * 1000;
        long killMax = Long.parseLong(killAfter[killAfter.length - 1].trim()) * 1000;
        int signins = Integer.getInteger("bench.signins", 4);
        long seed = Long.getLong("bench.seed", System.currentTimeMillis());
        Set<Integer> expireRounds = expireRounds(kills);
        Random random = new Random(seed);

        Path subjects = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath().resolve("crash-campaign");
        Karaf.deleteTree(work);
        Files.createDirectories(work);
        System.setProperty("derby.stream.error.file", work.resolve("derby-bench.log").toString());
        Path home = Karaf.unpack(subjects.resolve("congso-distribution.zip"), work.resolve("karaf"));
        System.out.printf("CongSo crash campaign: %d x kill -9 while %d takers save answers (one every %d ms each),"
                + " kill %d-%d s after saving starts; %d attempts made to run out in rounds %s; seed %d; java %s;"
                + " %d cores%n", kills, takers, savePeriod, killMin / 1000, killMax / 1000, expire, expireRounds, seed,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        VaadinProbe probe = new VaadinProbe("http://127.0.0.1:" + PORTS.http() + "/");
        Process karaf = Karaf.start(home, PORTS);
        try {
            ExamTakers.awaitTraining(probe);
            Thread.sleep(2_000);
        } finally {
            Karaf.stop(home, karaf, PORTS);
        }
        long examId = ExamTakers.addLearners(home, takers);
        prepareExam(home, examId);
        System.out.printf("Setup: %d takers written to the stopped database, demo exam %d (24 h, options in stored"
                + " order)%n", takers, examId);

        HttpClient http = VaadinProbe.sharedClient();
        List<Taker> crowd = new ArrayList<>();
        for (int i = 0; i < takers; i++) {
            crowd.add(new Taker(i));
        }
        Map<Long, Expired> expired = new HashMap<>();
        Totals totals = new Totals();
        karaf = Karaf.start(home, PORTS);
        try {
            ExamTakers.awaitTraining(probe);
            long t0 = System.nanoTime();
            ExamTakers.forEach(crowd, signins, taker -> {
                taker.browser = probe.new Browser(http);
                ExamTakers.signIn(taker.browser, taker.index);
                taker.attemptId = ExamTakers.startAttempt(taker.browser, taker.index, examId);
            });
            System.out.printf("%d takers signed in and started their attempts in %.1f s%n%n", takers,
                    (System.nanoTime() - t0) / 1e9);
            System.out.printf("%5s %6s %6s %6s %7s %7s %6s | %8s %7s %5s | %9s %9s | %8s %8s | %7s %8s%n", "round", "takers",
                    "kill s", "sends", "acked", "no-ack", "errors", "checked", "found", "LOST", "unack:sav", "unack:not",
                    "signin", "training", "expired", "auto-ok");
            for (int round = 1; round <= kills; round++) {
                List<Taker> sitting = crowd.stream().filter(t -> !t.out).toList();
                // Sign in again (no session survives a kill) and open the attempt.
                ExamTakers.forEach(sitting, signins, taker -> taker.open(probe, http));
                long killAt = killMin + (killMax > killMin ? (long) (random.nextDouble() * (killMax - killMin)) : 0);
                Round stats = new Round(round);
                List<Thread> threads = new ArrayList<>();
                long saveStart = System.currentTimeMillis() + 500;
                for (Taker taker : sitting) {
                    int offset = random.nextInt(1_000_000);
                    Thread thread = new Thread(() -> taker.run(stats, saveStart, savePeriod, offset),
                            "taker-" + taker.index);
                    thread.setDaemon(true);
                    threads.add(thread);
                }
                threads.forEach(Thread::start);
                Thread.sleep(Math.max(0, saveStart + killAt - System.currentTimeMillis()));
                stats.killing = true; // from now on a failed request is the kill's doing
                Karaf.kill(home, karaf);
                for (Taker taker : sitting) {
                    taker.stopped = true;
                    taker.browser = null;
                }
                for (Thread thread : threads) {
                    thread.join(70_000);
                }

                // The files as the kill left them, recovered by Derby in this program on a copy.
                Path copy = work.resolve("copy-" + round);
                copyTree(home.resolve("data/derby"), copy);
                Check check = check("jdbc:derby:" + copy.resolve("congso"), crowd, expired, round);
                Karaf.deleteTree(copy);

                int expiredNow = 0;
                if (expireRounds.contains(round)) {
                    List<Taker> candidates = new ArrayList<>(crowd.stream().filter(t -> !t.out).toList());
                    Collections.shuffle(candidates, random);
                    List<Taker> chosen = candidates.subList(0, Math.min(expire, candidates.size()));
                    expireWhileDown(home, chosen, expired, round);
                    expiredNow = chosen.size();
                }

                long restart = System.nanoTime();
                karaf = Karaf.start(home, PORTS);
                Karaf.await(() -> probe.shows("login", "login-username"), 240_000, 250);
                long signInPage = (System.nanoTime() - restart) / 1_000_000;
                ExamTakers.awaitTraining(probe);
                long training = (System.nanoTime() - restart) / 1_000_000;

                totals.add(stats, check, signInPage, training);
                System.out.printf("%5d %6d %6.1f %6d %7d %7d %6d | %8d %7d %5d | %9d %9d | %8d %8d | %7s %8s%n", round,
                        sitting.size(), killAt / 1000.0, stats.sends.get(), stats.acked.get(), stats.noAck.get(), stats.errors.get(),
                        check.checked, check.found, check.lost, check.unackedSaved, check.unackedNotSaved, signInPage,
                        training, expiredNow == 0 ? "" : expiredNow + "*", check.expiredChecked == 0 ? "" : check.autoSubmitted + "/" + check.expiredChecked);
                check.problems.forEach(p -> System.out.println("      " + p));
            }
        } finally {
            for (Taker taker : crowd) {
                taker.stopped = true;
            }
            Karaf.stop(home, karaf, PORTS);
        }
        Check last = check(ExamTakers.databaseUrl(home), crowd, expired, kills + 1);
        totals.print(kills, last);
        last.problems.forEach(p -> System.out.println("      " + p));
        Karaf.deleteTree(work);
    }

    /** The rounds whose kill is followed by attempts made to run out: {@code bench.expireRounds}, or a quarter and three quarters in. */
    private static Set<Integer> expireRounds(int kills) {
        Set<Integer> rounds = new TreeSet<>();
        String listed = System.getProperty("bench.expireRounds", "");
        if (!listed.isBlank()) {
            for (String r : listed.split(",")) {
                rounds.add(Integer.parseInt(r.trim()));
            }
            return rounds;
        }
        rounds.add(Math.max(1, (int) Math.round(kills / 4.0)));
        rounds.add(Math.max(1, (int) Math.round(kills * 3 / 4.0)));
        return rounds;
    }

    /** Gives the demo exam a 24-hour limit, a closing date far away and options in their stored order. */
    private static void prepareExam(Path home, long examId) throws SQLException {
        String url = ExamTakers.databaseUrl(home);
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement exam = c.prepareStatement("UPDATE trn_exam SET time_limit_seconds = ?, closes_at = ?,"
                        + " shuffle_options = FALSE WHERE id = ?")) {
            exam.setLong(1, Duration.ofHours(24).toSeconds());
            exam.setTimestamp(2, Timestamp.from(Instant.now().plus(Duration.ofDays(30))));
            exam.setLong(3, examId);
            if (exam.executeUpdate() != 1) {
                throw new IllegalStateException("no demo exam " + examId);
            }
        }
        ExamTakers.shutdown(url);
    }

    /** Sets the chosen takers' attempts' deadline in the past in the stopped database. */
    private static void expireWhileDown(Path home, List<Taker> chosen, Map<Long, Expired> expired, int round)
            throws SQLException {
        String url = ExamTakers.databaseUrl(home);
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement grace = c.prepareStatement("SELECT grace_seconds FROM trn_attempt WHERE id = ?");
                PreparedStatement update = c.prepareStatement("UPDATE trn_attempt SET closes_at = ?, deadline_at = ?,"
                        + " overdue_at = ? WHERE id = ? AND state = 'IN_PROGRESS'")) {
            for (Taker taker : chosen) {
                grace.setLong(1, taker.attemptId);
                long graceSeconds;
                try (ResultSet rs = grace.executeQuery()) {
                    rs.next();
                    graceSeconds = rs.getLong(1);
                }
                // Whole seconds, so that the stored deadline compares exactly.
                Instant deadline = Instant.now().minusSeconds(120 + graceSeconds).truncatedTo(
                        java.time.temporal.ChronoUnit.SECONDS);
                update.setTimestamp(1, Timestamp.from(deadline));
                update.setTimestamp(2, Timestamp.from(deadline));
                update.setTimestamp(3, Timestamp.from(deadline.plusSeconds(graceSeconds)));
                update.setLong(4, taker.attemptId);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("attempt " + taker.attemptId + " is not in progress");
                }
                expired.put(taker.attemptId, new Expired(taker.attemptId, deadline, round));
                taker.out = true;
            }
        }
        ExamTakers.shutdown(url);
    }

    /** An attempt made to run out while the server was down. */
    record Expired(long attemptId, Instant deadline, int round) {
    }

    /** What one database showed. */
    static final class Check {
        int checked;
        int found;
        int lost;
        int unackedSaved;
        int unackedNotSaved;
        int expiredChecked;
        int autoSubmitted;
        final List<String> problems = new ArrayList<>();
    }

    /**
     * Compares a database with what the takers were told: every question whose answer was ever
     * acknowledged must hold that answer or one sent after it without reply; the attempts made
     * to run out before an earlier restart (all of them at the end) must be auto-submitted by
     * the sweeper.
     */
    private static Check check(String url, List<Taker> crowd, Map<Long, Expired> expired, int round)
            throws SQLException {
        Check check = new Check();
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement answers = c.prepareStatement("SELECT position, response FROM trn_attempt_answer"
                        + " WHERE attempt_id = ?");
                PreparedStatement attempt = c.prepareStatement("SELECT state, submitted_at, percentage FROM trn_attempt"
                        + " WHERE id = ?");
                PreparedStatement audit = c.prepareStatement("SELECT actor FROM audit_log WHERE action = ? AND"
                        + " target = ?")) {
            for (Taker taker : crowd) {
                if (taker.tracks.isEmpty()) {
                    continue;
                }
                Map<Integer, String> stored = new HashMap<>();
                answers.setLong(1, taker.attemptId);
                try (ResultSet rs = answers.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getInt(1), rs.getString(2));
                    }
                }
                for (Map.Entry<Integer, Track> entry : taker.tracks.entrySet()) {
                    Track track = entry.getValue();
                    String kind = track.kind();
                    String db = canonical(stored.get(entry.getKey()), kind);
                    boolean pendingSaved = track.pending.contains(db);
                    if (track.acked != null) {
                        check.checked++;
                        if (track.acked.equals(db) || pendingSaved) {
                            check.found++;
                        } else {
                            check.lost++;
                            check.problems.add(String.format("LOST: attempt %d question %d: acknowledged %s%s, stored"
                                    + " %s (%s)", taker.attemptId, entry.getKey() + 1, track.acked, track.pending.isEmpty()
                                    ? "" : " then sent " + track.pending, db, stored.get(entry.getKey())));
                        }
                    }
                    if (track.roundOfPending == round && !track.pending.isEmpty()) {
                        if (pendingSaved) {
                            check.unackedSaved++;
                        } else {
                            check.unackedNotSaved++;
                        }
                    }
                }
            }
            for (Expired e : expired.values()) {
                if (e.round() >= round) {
                    continue; // not restarted since it was made to run out
                }
                check.expiredChecked++;
                attempt.setLong(1, e.attemptId());
                String state;
                Timestamp submittedAt;
                Double percentage;
                try (ResultSet rs = attempt.executeQuery()) {
                    rs.next();
                    state = rs.getString(1);
                    submittedAt = rs.getTimestamp(2);
                    percentage = rs.getObject(3) == null ? null : rs.getDouble(3);
                }
                List<String> actors = new ArrayList<>();
                audit.setString(1, "training.attempt.auto-submit");
                audit.setString(2, Long.toString(e.attemptId()));
                try (ResultSet rs = audit.executeQuery()) {
                    while (rs.next()) {
                        actors.add(rs.getString(1));
                    }
                }
                boolean ok = "AUTO_SUBMITTED".equals(state) && submittedAt != null
                        && submittedAt.toInstant().equals(e.deadline()) && percentage != null
                        && actors.equals(List.of(SWEEPER));
                if (ok) {
                    check.autoSubmitted++;
                } else {
                    check.problems.add(String.format("NOT AUTO-SUBMITTED as expected: attempt %d (deadline %s set in"
                            + " round %d): state %s, submitted at %s, percentage %s, auto-submit audited by %s",
                            e.attemptId(), e.deadline(), e.round(), state, submittedAt == null ? null
                                    : submittedAt.toInstant(), percentage, actors));
                }
            }
        }
        ExamTakers.shutdown(url);
        return check;
    }

    /**
     * A stored response in the form the takers record what they sent: {@code pos:i} for a radio
     * group (option i in the stored order, true = 0 and false = 1 of a true/false question),
     * {@code set:i,j} for check boxes, {@code num:x}, {@code text:t}; {@code none} when empty.
     */
    static String canonical(String response, String kind) {
        if (response == null || response.length() < 2) {
            return "none";
        }
        String body = response.substring(2);
        return switch (response.charAt(0)) {
            case 'T' -> "pos:" + (Boolean.parseBoolean(body) ? 0 : 1);
            case 'S' -> "pos".equals(kind) ? "pos:" + body : "set:" + body;
            case 'N' -> "num:" + Double.parseDouble(body);
            case 'X' -> "text:" + body;
            default -> "other:" + response;
        };
    }

    /** The answer of one question as the taker knows it. */
    static final class Track {
        /** The last acknowledged answer, null when none yet. */
        String acked;
        /** Answers sent after it whose replies never showed an acknowledgement. */
        final Set<String> pending = new LinkedHashSet<>();
        /** The round of the last answer sent without acknowledgement. */
        int roundOfPending;

        String kind() {
            String any = acked != null ? acked : pending.iterator().next();
            return any.substring(0, any.indexOf(':'));
        }
    }

    /** The counts of one round, from the takers' side. */
    static final class Round {
        final int number;
        final AtomicLong sends = new AtomicLong();
        final AtomicLong acked = new AtomicLong();
        final AtomicLong noAck = new AtomicLong();
        /** Failed requests before the kill. */
        final AtomicLong errors = new AtomicLong();
        volatile boolean killing;

        Round(int number) {
            this.number = number;
        }
    }

    /** One simulated exam taker; a new browser each round. */
    static final class Taker {
        final int index;
        final Map<Integer, Track> tracks = new ConcurrentHashMap<>();
        long attemptId;
        VaadinProbe.Browser browser;
        volatile boolean out;
        volatile boolean stopped;
        private VaadinProbe.Tab tab;
        private int answers;
        private boolean forward = true;

        Taker(int index) {
            this.index = index;
        }

        /** Signs in with a fresh browser, unless still signed in since the attempt started, and opens the attempt. */
        void open(VaadinProbe probe, HttpClient http) throws Exception {
            stopped = false;
            if (browser == null) {
                browser = probe.new Browser(http);
                ExamTakers.signIn(browser, index);
            }
            VaadinProbe.Tab opened = browser.open("training/attempt/" + attemptId);
            if (opened.find("attempt-view") == null) {
                throw new IllegalStateException(ExamTakers.username(index) + ": no attempt-view in training/attempt/"
                        + attemptId + ": " + VaadinProbe.abbreviate(opened.lastExecute()));
            }
            tab = opened;
        }

        /** Saves and moves on until stopped; the first action is at a random point of the first period. */
        void run(Round round, long start, long period, int offset) {
            long next = start + offset % period;
            int action = 0;
            while (!stopped) {
                long sleep = next - System.currentTimeMillis();
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped) {
                    return;
                }
                try {
                    String component = ExamTakers.answerComponent(tab);
                    if (++action % 3 == 0 || "exam-match-1".equals(component)) {
                        move();
                    } else {
                        save(round, component);
                    }
                } catch (Exception e) {
                    if (!round.killing) {
                        round.errors.incrementAndGet();
                        count(e);
                    }
                    return; // the tab's state is unknown after a failed request; the server is gone anyway
                }
                // More than a second after the reply, so that the next acknowledgement shows a new time.
                next = Math.max(next + period, System.currentTimeMillis() + 1_100);
            }
        }

        private void move() throws Exception {
            String button = forward ? "exam-next" : "exam-previous";
            VaadinProbe.Node target = tab.find(button);
            if (target == null || target.attributes.containsKey("disabled")) {
                forward = !forward;
                button = forward ? "exam-next" : "exam-previous";
            }
            tab.click(button);
        }

        private void save(Round round, String component) throws Exception {
            Matcher number = QUESTION_NUMBER.matcher(String.valueOf(tab.text(tab.find("exam-question-number"))));
            if (!number.find()) {
                throw new IllegalStateException("no question number on screen");
            }
            int position = Integer.parseInt(number.group(1)) - 1;
            String before = tab.text(tab.find("exam-save-status"));
            JsonNode value = ExamTakers.nextValue(tab, component, ++answers);
            String sent = canonical(tab, component, value);
            Track track = tracks.computeIfAbsent(position, p -> new Track());
            track.pending.add(sent);
            track.roundOfPending = round.number;
            round.sends.incrementAndGet();
            tab.setValue(component, value);
            VaadinProbe.Node status = tab.find("exam-save-status");
            String after = tab.text(status);
            if (status != null && "saved".equals(status.get("data-state")) && after != null && !after.equals(before)) {
                track.acked = sent;
                track.pending.clear();
                round.acked.incrementAndGet();
            } else {
                round.noAck.incrementAndGet();
                if (SAMPLES.putIfAbsent("no-ack", "") == null) {
                    System.out.printf("  first reply without acknowledgement: %s set to %s; status %s '%s' -> '%s'%n",
                            component, value, status == null ? null : status.get("data-state"), before, after);
                }
            }
        }

        /** What was sent, in the form of {@link CrashCampaign#canonical(String, String)}. */
        private static String canonical(VaadinProbe.Tab tab, String component, JsonNode value) {
            VaadinProbe.Node node = tab.find(component);
            switch (node.tag) {
                case "vaadin-radio-group" -> {
                    return "pos:" + ExamTakers.keys(tab, node, "vaadin-radio-button").indexOf(value.asText());
                }
                case "vaadin-checkbox-group" -> {
                    List<String> keys = ExamTakers.keys(tab, node, "vaadin-checkbox");
                    Set<Integer> chosen = new TreeSet<>();
                    value.forEach(v -> chosen.add(keys.indexOf(v.asText())));
                    return "set:" + String.join(",", chosen.stream().map(String::valueOf).toList());
                }
                case "vaadin-number-field" -> {
                    return "num:" + Double.parseDouble(value.asText());
                }
                default -> {
                    return "text:" + value.asText();
                }
            }
        }

        private static void count(Exception e) {
            String kind = e instanceof VaadinProbe.ProtocolException p ? p.kind() : e.getClass().getSimpleName();
            if (SAMPLES.putIfAbsent(kind, String.valueOf(e.getMessage())) == null) {
                System.out.println("  first " + kind + " before the kill: " + VaadinProbe.abbreviate(e.getMessage()));
            }
        }
    }

    /** Sums over the rounds. */
    static final class Totals {
        long sends;
        long acked;
        long noAck;
        long errors;
        long lostInRounds;
        long unackedSaved;
        long unackedNotSaved;
        final List<Long> signIn = new ArrayList<>();
        final List<Long> training = new ArrayList<>();
        int roundsWithLoss;

        void add(Round round, Check check, long signInMillis, long trainingMillis) {
            sends += round.sends.get();
            acked += round.acked.get();
            noAck += round.noAck.get();
            errors += round.errors.get();
            lostInRounds += check.lost;
            roundsWithLoss += check.lost > 0 ? 1 : 0;
            unackedSaved += check.unackedSaved;
            unackedNotSaved += check.unackedNotSaved;
            signIn.add(signInMillis);
            training.add(trainingMillis);
        }

        void print(int kills, Check last) {
            System.out.printf("%nTotals over %d kills%n", kills);
            System.out.printf("  answers sent %d, acknowledged %d, replies without acknowledgement %d, failed requests"
                    + " before a kill %d (the rest had no reply: the server was killed)%n", sends, acked, noAck, errors);
            System.out.println("  * attempts made to run out in that round: Derby's crash recovery ran in this program"
                    + " before the restart");
            System.out.printf("  acknowledged answers lost, summed over the rounds' checks: %d (in %d rounds)  (goal 0)%n",
                    lostInRounds, roundsWithLoss);
            System.out.printf("  last answers sent without acknowledgement before a kill: %d saved, %d not saved"
                    + " (information)%n", unackedSaved, unackedNotSaved);
            System.out.printf("  restart to sign-in page rendering: median %d ms, max %d ms, all %s%n",
                    Karaf.median(signIn), Collections.max(signIn), signIn);
            System.out.printf("  restart to training views served:   median %d ms, max %d ms%n", Karaf.median(training),
                    Collections.max(training));
            System.out.printf("  after the last restart, distribution's own database (stopped cleanly): questions"
                    + " with an acknowledged answer %d, found %d, LOST %d; attempts made to run out %d, auto-submitted"
                    + " by the sweeper at their deadline and graded %d%n", last.checked, last.found, last.lost,
                    last.expiredChecked, last.autoSubmitted);
        }
    }

    /** Copies a folder tree (the database files of a killed server). */
    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
