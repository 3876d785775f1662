package vn.congso.services.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import vn.congso.api.indicators.Period;
import vn.congso.services.internal.calendar.WorkingCalendar;
import vn.congso.services.internal.catalogue.FormField;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.dossier.Status;
import vn.congso.services.internal.indicators.Statistics;

/**
 * Prints (not asserts) the figures of issue 15's dossier benchmarks on an on-disk Derby holding
 * 1,000,000 dossiers, each beside a baseline measured in the same run:
 * <ul>
 * <li>the public look-up by code and the phone's last 4 digits ({@link
 * vn.congso.services.internal.dossier.DossierService#lookup}; target p99 &le; 5 ms) beside the same
 * answer found by the phone's digits (a column no index covers: the whole table read);</li>
 * <li>an officer's queue page as the desk builds it: the counts by status, then the first 50 rows
 * of the queue oldest due first, each with its on-time state (target p95 &le; 50 ms), beside the
 * previous version's query shape ({@code receiving_unit = ? OR settling_unit = ?});</li>
 * <li>the on-time statistics of a year ({@link Statistics#byUnit}, what /services/statistics and the
 * indicators compute; target &le; 300 ms) beside the previous version's two grouped scans of
 * {@code svc_dossier}.</li>
 * </ul>
 * The dossiers are written straight into Derby by batch inserts (about 2 to 4 minutes on a laptop
 * class machine): the demo catalogue's 242 procedures, spread over the district and its 11 communes
 * and over the working days of 2025 to 2027, due dates from the working calendar, returned (mostly
 * on time), refused or withdrawn when old, submitted, processing at a step, waiting for a supplement
 * or settled in the last weeks before "now" (2027-12-20 09:00 in Vietnam). The database is kept in
 * {@code plugins/services/target/dossier-bench} (or {@code -Dbench.dir=...}) and reused by the next run when it holds
 * its dossiers: delete the folder to generate again. The changelog is applied on each start, so a
 * database generated before a new changeset gets it as a deployed server would.
 *
 * <pre>mvn -o -q -pl plugins/services test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.congso.services.internal.DossierBenchmark</pre>
 *
 * {@code -Dbench.parts=lookup,queue,statistics,submit} runs only some of the parts (all by default).
 */
public final class DossierBenchmark {

    /** How many dossiers. */
    static final int DOSSIERS = 1_000_000;
    /** "Now" of the benchmark: Monday 2027-12-20 09:00 in Vietnam. */
    static final Instant NOW = Instant.parse("2027-12-20T02:00:00Z");
    private static final String MARKER = "bench.dossiers";

    private DossierBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args unused
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        // Beside the test classes: the module's target folder, wherever Maven was started from.
        Path target = Path.of(DossierBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        Path folder = Path.of(System.getProperty("bench.dir", target.resolve("dossier-bench").toString())).toAbsolutePath();
        boolean fresh = !Files.exists(folder);
        Files.createDirectories(folder.getParent());
        long t0 = System.nanoTime();
        ServicesFixture f = new ServicesFixture(folder, true);
        f.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        System.out.printf("database %s (%s), migrated in %.1f s%n", folder, fresh ? "new" : "existing",
                (System.nanoTime() - t0) / 1e9);
        generate(f);
        try (Connection c = f.database.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT receiving_unit) FROM svc_dossier")) {
            rs.next();
            System.out.printf("%,d dossiers over %d receiving units%n", rs.getLong(1), rs.getInt(2));
        }
        List<String> parts = List.of(System.getProperty("bench.parts", "lookup,queue,statistics,submit").split(","));
        if (parts.contains("lookup")) {
            lookups(f);
        }
        if (parts.contains("queue")) {
            queues(f);
        }
        if (parts.contains("statistics")) {
            statistics(f);
        }
        if (parts.contains("submit")) {
            submissions(f);
        }
        System.exit(0);
    }

    /** Writes the dossiers unless the database already holds them. */
    static void generate(ServicesFixture f) throws Exception {
        f.become("system:bench", "*");
        String done = Jdbc.transaction(f.database.dataSource(),
                c -> Jdbc.one(c, "SELECT setting_value FROM svc_setting WHERE name = ?", rs -> rs.getString(1), MARKER));
        if (done != null) {
            System.out.println("reusing the generated dossiers (" + done + ")");
            return;
        }
        long t0 = System.nanoTime();
        List<Procedure> procedures = DemoCatalogue.procedures();
        f.catalogue.saveAll(procedures);
        // Due dates of the last weeks run into 2028: its statutory days off as an administrator would enter them.
        Jdbc.transaction(f.database.dataSource(), c -> {
            Jdbc.update(c, "INSERT INTO svc_calendar_year (year_number) VALUES (2028)");
            for (String day : List.of("2028-01-01", "2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28", "2028-01-31")) {
                Jdbc.update(c, "INSERT INTO svc_calendar_day (day, kind, name) VALUES (?, 'holiday', ?)",
                        java.sql.Date.valueOf(day), day.endsWith("01-01") ? "Tết Dương lịch" : "Tết Nguyên đán");
            }
            return null;
        });
        WorkingCalendar calendar = f.calendars.calendar();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 1, 2); d.isBefore(LocalDate.of(2027, 12, 20)); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                days.add(d);
            }
        }
        LocalDate today = LocalDate.of(2027, 12, 20);
        Random random = new Random(15);
        try (Connection c = f.database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO svc_dossier (code, procedure_code, applicant,"
                    + " applicant_name, phone, email, channel, receiving_unit, settling_unit, status, submitted_at,"
                    + " received_at, due_date, settled_at, on_time, returned_at, note, form_data, submit_token, step,"
                    + " assignee) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?, ?)")) {
                for (int i = 0; i < DOSSIERS; i++) {
                    Procedure p = procedures.get(random.nextInt(procedures.size()));
                    String unit = p.level() == Procedure.Level.DISTRICT && !p.interLevel() ? DemoData.DISTRICT
                            : DemoData.COMMUNES.get(random.nextInt(DemoData.COMMUNES.size()));
                    // Spread evenly over the working days, in order, so that codes and ids grow with time.
                    LocalDate day = days.get((int) ((long) i * days.size() / DOSSIERS));
                    Instant submitted = LocalDateTime.of(day, LocalTime.of(7, 30).plusMinutes(random.nextInt(540)))
                            .atZone(WorkingCalendar.ZONE).toInstant();
                    LocalDate due = calendar.dueDate(submitted, p.processingDays());
                    boolean online = p.online() && random.nextInt(100) < 30;
                    String settling = p.interLevel() ? DemoData.DISTRICT : unit;
                    int age = calendar.workingDaysUntil(day, today);
                    Status status;
                    String step = null;
                    Instant settled = null;
                    Boolean onTime = null;
                    Instant returned = null;
                    Instant received = submitted;
                    int roll = random.nextInt(1000);
                    if (age > p.processingDays() + 10) {
                        status = roll < 15 ? Status.REFUSED : roll < 25 ? Status.WITHDRAWN : Status.RETURNED;
                    } else if (roll < 150) {
                        status = Status.SUBMITTED;
                    } else if (roll < 250) {
                        status = Status.SUPPLEMENT;
                    } else if (roll < 500) {
                        status = Status.SETTLED;
                    } else if (roll < 900) {
                        status = Status.PROCESSING;
                    } else {
                        status = Status.RETURNED;
                    }
                    if (status == Status.SUBMITTED) {
                        received = null;
                        due = null;
                    } else if (status == Status.PROCESSING) {
                        step = roll < 600 ? "receive" : roll < 800 ? "specialist" : "leader";
                    } else if (status == Status.SETTLED || status == Status.RETURNED) {
                        // 0.63 % late, the seed's share.
                        boolean late = random.nextInt(10_000) < 63;
                        LocalDate settledDay = late ? calendar.addWorkingDays(due, 1 + random.nextInt(4))
                                : calendar.addWorkingDays(calendar.receiptDay(submitted),
                                        p.processingDays() == 0 ? 0 : random.nextInt(p.processingDays() + 1));
                        if (settledDay.isAfter(today.minusDays(1))) {
                            settledDay = today.minusDays(1);
                        }
                        settled = LocalDateTime.of(settledDay, LocalTime.of(15, 30)).atZone(WorkingCalendar.ZONE).toInstant();
                        onTime = !settledDay.isAfter(due);
                        if (status == Status.RETURNED) {
                            returned = settled.plusSeconds(3600);
                        }
                    }
                    if (status == Status.SUBMITTED && !online) {
                        // A paper dossier is received as it is entered.
                        status = Status.PROCESSING;
                        received = submitted;
                        due = calendar.dueDate(submitted, p.processingDays());
                        step = "receive";
                    }
                    String where = status == Status.PROCESSING && p.interLevel() && random.nextBoolean() ? DemoData.DISTRICT
                            : settling;
                    ps.setString(1, String.format("HS-%s-%07d", day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                            .substring(2), i));
                    ps.setString(2, p.code());
                    ps.setString(3, online ? "cd" + random.nextInt(200_000) : "");
                    ps.setString(4, "Công dân " + i);
                    ps.setString(5, phone(random));
                    ps.setString(6, "");
                    ps.setString(7, online ? "online" : "counter");
                    ps.setString(8, unit);
                    ps.setString(9, status.open() ? where : settling);
                    ps.setString(10, status.code());
                    ps.setTimestamp(11, Timestamp.from(submitted));
                    ps.setTimestamp(12, received == null ? null : Timestamp.from(received));
                    ps.setDate(13, due == null ? null : java.sql.Date.valueOf(due));
                    ps.setTimestamp(14, settled == null ? null : Timestamp.from(settled));
                    if (onTime == null) {
                        ps.setNull(15, java.sql.Types.BOOLEAN);
                    } else {
                        ps.setBoolean(15, onTime);
                    }
                    ps.setTimestamp(16, returned == null ? null : Timestamp.from(returned));
                    ps.setString(17, "bench-" + i);
                    ps.setString(18, step);
                    ps.setString(19, step == null ? null : "");
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                    }
                    if (i % 100_000 == 99_999) {
                        c.commit();
                        System.out.printf("  %,d dossiers written, %.0f s%n", i + 1, (System.nanoTime() - t0) / 1e9);
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            long t1 = System.nanoTime();
            // What Derby's statistics daemon does on a live database after such growth.
            try (Statement st = c.createStatement()) {
                st.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'SVC_DOSSIER', NULL)");
            }
            c.commit();
            System.out.printf("index statistics updated in %.1f s%n", (System.nanoTime() - t1) / 1e9);
            long t2 = System.nanoTime();
            int rows = vn.congso.services.internal.dossier.DayTotals.addWritten(c, "submit_token LIKE 'bench-%'");
            c.commit();
            System.out.printf("%,d rows of figures per day and unit written in %.1f s%n", rows, (System.nanoTime() - t2) / 1e9);
            Jdbc.update(c, "INSERT INTO svc_setting (name, setting_value) VALUES (?, ?)", MARKER,
                    DOSSIERS + " generated " + Instant.now());
            c.commit();
        }
        System.out.printf("generated %,d dossiers in %.0f s%n", DOSSIERS, (System.nanoTime() - t0) / 1e9);
    }

    private static String phone(Random random) {
        return "09" + String.format("%08d", random.nextInt(100_000_000));
    }

    /** Codes and phones of dossiers picked at random over the three years. */
    private static List<String[]> sample(ServicesFixture f, int n) throws Exception {
        Random random = new Random(42);
        List<String[]> out = new ArrayList<>();
        try (Connection c = f.database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT code, phone FROM svc_dossier WHERE submit_token = ?")) {
            for (int i = 0; i < n; i++) {
                ps.setString(1, "bench-" + random.nextInt(DOSSIERS));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    static void lookups(ServicesFixture f) throws Exception {
        f.anonymous();
        List<String[]> picked = sample(f, 2_000);
        // Warm up the code paths (not the cache: the timed look-ups are other dossiers).
        for (String[] d : sample(f, 200).subList(100, 200)) {
            f.dossiers.lookup(d[0], d[1].substring(d[1].length() - 4));
        }
        double[] times = new double[picked.size()];
        int found = 0;
        for (int i = 0; i < picked.size(); i++) {
            String[] d = picked.get(i);
            long t = System.nanoTime();
            found += f.dossiers.lookup(d[0], d[1].substring(d[1].length() - 4)).isPresent() ? 1 : 0;
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] wrong = new double[500];
        int refused = 0;
        for (int i = 0; i < wrong.length; i++) {
            String[] d = picked.get(i);
            long t = System.nanoTime();
            refused += f.dossiers.lookup(d[0], "0000".equals(d[1].substring(d[1].length() - 4)) ? "1111" : "0000")
                    .isEmpty() ? 1 : 0;
            wrong[i] = (System.nanoTime() - t) / 1e6;
        }
        // Baseline: the same answer found by a column no index covers (the full phone number), 5 times.
        double[] scan = new double[5];
        try (Connection c = f.database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT code, status, due_date FROM svc_dossier WHERE phone = ?")) {
            for (int i = 0; i < scan.length; i++) {
                ps.setString(1, picked.get(i)[1]);
                long t = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                scan[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        System.out.printf("look-up by code + last 4 phone digits, %d dossiers picked at random (%d found): %s%n",
                times.length, found, figures(times));
        System.out.printf("look-up with wrong digits, %d (%d answered as unknown): %s%n", wrong.length, refused,
                figures(wrong));
        System.out.printf("baseline: the same by the full phone number (no index, whole table), %d runs: %s%n", scan.length,
                figures(scan));
    }

    static void queues(ServicesFixture f) throws Exception {
        List<String> units = new ArrayList<>(DemoData.COMMUNES);
        units.add(0, DemoData.DISTRICT);
        List<Optional<Status>> filters = List.of(Optional.empty(), Optional.of(Status.SUBMITTED),
                Optional.of(Status.PROCESSING), Optional.of(Status.SUPPLEMENT), Optional.of(Status.SETTLED));
        for (String unit : units) {
            f.unitOf.put("officer." + unit, unit);
        }
        // Warm-up round.
        for (String unit : units) {
            f.become("officer." + unit, ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
            page(f, Optional.empty());
        }
        List<Double> pages = new ArrayList<>();
        List<Double> previous = new ArrayList<>();
        int[] rows = new int[2];
        for (int round = 0; round < 4; round++) {
            for (String unit : units) {
                f.become("officer." + unit, ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
                for (Optional<Status> filter : filters) {
                    long t = System.nanoTime();
                    rows[0] = page(f, filter);
                    pages.add((System.nanoTime() - t) / 1e6);
                    if (round == 0) {
                        t = System.nanoTime();
                        rows[1] = previousPage(f, unit, filter);
                        previous.add((System.nanoTime() - t) / 1e6);
                    }
                }
            }
        }
        // The desk's code filter: part of the code of a dossier in the unit's queue, searched in the whole queue.
        List<Double> searches = new ArrayList<>();
        int hits = 0;
        for (String unit : units) {
            f.become("officer." + unit, ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
            List<String> codes = Jdbc.transaction(f.database.dataSource(), c -> Jdbc.list(c, "SELECT code FROM svc_dossier"
                    + " WHERE receiving_unit = ? AND status = 'processing' ORDER BY id DESC", rs -> rs.getString(1), unit));
            for (int i = 0; i < 10 && i < codes.size(); i++) {
                String part = codes.get(codes.size() * i / 10).substring(10).toLowerCase(java.util.Locale.ROOT);
                long t = System.nanoTime();
                hits += f.dossiers.queue(Optional.empty(), part, 200).size();
                searches.add((System.nanoTime() - t) / 1e6);
            }
        }
        Integer open = Jdbc.transaction(f.database.dataSource(), c -> Jdbc.one(c, "SELECT COUNT(*) FROM svc_dossier WHERE"
                + " status IN ('submitted', 'processing', 'supplement', 'settled')", rs -> rs.getInt(1)));
        System.out.printf("%,d dossiers in the desks' queues (submitted, processing, supplement, settled)%n", open);
        System.out.printf("queue page (counts by status + first 50 rows with their on-time state), 12 units x 5 filters"
                + " x 4 rounds: %s%n", figures(pages.stream().mapToDouble(Double::doubleValue).toArray()));
        System.out.printf("desk code filter (part of a queued dossier's code, whole queue searched), %d searches, %d found:"
                + " %s%n", searches.size(), hits, figures(searches.stream().mapToDouble(Double::doubleValue).toArray()));
        System.out.printf("baseline: the previous version's queries (receiving_unit = ? OR settling_unit = ?), 12 units x 5"
                + " filters: %s%n", figures(previous.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** What the desk reads for one page: the counts, the first 50 rows, each row's on-time state. */
    private static int page(ServicesFixture f, Optional<Status> filter) {
        f.dossiers.queueCounts();
        var rows = f.dossiers.queue(filter, 50);
        rows.forEach(f.dossiers::timeliness);
        return rows.size();
    }

    /** The previous version of the desk's two queries, kept here as the baseline. */
    private static int previousPage(ServicesFixture f, String unit, Optional<Status> filter) throws Exception {
        List<Status> statuses = filter.map(List::of).orElse(List.of(Status.SUBMITTED, Status.PROCESSING, Status.SUPPLEMENT,
                Status.SETTLED));
        String in = String.join(", ", statuses.stream().map(s -> "'" + s.code() + "'").toList());
        int n = 0;
        try (Connection c = f.database.dataSource().getConnection()) {
            Jdbc.list(c, "SELECT status, COUNT(*) FROM svc_dossier WHERE (receiving_unit = ? OR"
                    + " settling_unit = ?) AND status IN ('submitted', 'processing', 'supplement', 'settled') GROUP BY status",
                    rs -> rs.getInt(2), unit, unit);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code, due_date FROM svc_dossier WHERE (receiving_unit = ?"
                    + " OR settling_unit = ?) AND status IN (" + in + ") ORDER BY due_date, submitted_at")) {
                Jdbc.bind(ps, unit, unit);
                ps.setMaxRows(50);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    static void statistics(ServicesFixture f) throws Exception {
        Statistics statistics = new Statistics(f.database, f.units());
        for (int year = 2025; year <= 2027; year++) {
            Period period = Period.year(year);
            statistics.byUnit(period.startInstant(), period.endInstant());
            double[] times = new double[7];
            Statistics.Row total = null;
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                total = Statistics.row(statistics.byUnit(period.startInstant(), period.endInstant()), "");
                times[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] scans = new double[3];
            long[] scanned = new long[2];
            for (int i = 0; i < scans.length; i++) {
                long t = System.nanoTime();
                scanned = previousStatistics(f, period.startInstant(), period.endInstant());
                scans[i] = (System.nanoTime() - t) / 1e6;
            }
            System.out.printf("statistics of %d: %,d settled, %,d on time (%.2f %%), %,d submitted; byUnit: %s%n", year,
                    total.settled(), total.onTime(), 100.0 * total.onTime() / Math.max(1, total.settled()),
                    total.submitted(), figures(times));
            System.out.printf("baseline: the previous version's two grouped scans of svc_dossier (%,d settled, %,d submitted):"
                    + " %s%n", scanned[0], scanned[1], figures(scans));
        }
    }

    /** The previous version of {@link Statistics#byUnit}'s reads, kept here as the baseline. */
    private static long[] previousStatistics(ServicesFixture f, Instant from, Instant to) throws Exception {
        long[] out = new long[2];
        try (Connection c = f.database.dataSource().getConnection()) {
            for (long[] r : Jdbc.list(c, "SELECT receiving_unit, COUNT(*), SUM(CASE WHEN on_time = TRUE THEN 1 ELSE 0 END)"
                    + " FROM svc_dossier WHERE settled_at >= ? AND settled_at < ? GROUP BY receiving_unit",
                    rs -> new long[] {rs.getLong(2)}, from, to)) {
                out[0] += r[0];
            }
            for (long[] r : Jdbc.list(c, "SELECT receiving_unit, COUNT(*), SUM(CASE WHEN channel = 'online' THEN 1 ELSE 0 END)"
                    + " FROM svc_dossier WHERE submitted_at >= ? AND submitted_at < ? GROUP BY receiving_unit",
                    rs -> new long[] {rs.getLong(2)}, from, to)) {
                out[1] += r[0];
            }
        }
        return out;
    }

    /** A small PDF, as a scanned form would be attached. */
    private static byte[] attachment() {
        StringBuilder b = new StringBuilder("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n");
        while (b.length() < 20_000) {
            b.append("% scanned page data 0123456789 abcdefghijklmnopqrstuvwxyz\n");
        }
        return b.append("%%EOF\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * 200 citizens submitting at the same moment (one thread each, released together), one in five
     * double-clicking (a second thread sending the same form with the same token at the same time),
     * beside the same 200 submissions one after another: time per submission, errors, and the
     * dossiers made per form token (must be exactly one), counted by a query.
     */
    static void submissions(ServicesFixture f) throws Exception {
        Procedure procedure = DemoCatalogue.procedures().stream()
                .filter(p -> p.online() && !p.interLevel() && p.level() == Procedure.Level.COMMUNE
                        && f.catalogue.form(p.code()).stream().noneMatch(FormField::required))
                .findFirst().orElseThrow();
        byte[] pdf = attachment();
        String run = Long.toString(System.currentTimeMillis(), 36);
        int citizens = 200;
        java.util.function.BiFunction<String, Integer, Runnable> submit = (token, i) -> () -> {
            f.become("citizen." + run + "." + i, ServicesPermissions.SUBMIT);
            f.dossiers.submit(new vn.congso.services.internal.dossier.DossierService.Submission(procedure.code(),
                    DemoData.COMMUNES.get(i % DemoData.COMMUNES.size()), "Công dân " + i, "09" + String.format("%08d", i), "",
                    java.util.Map.of(), List.of(new vn.congso.services.internal.dossier.DossierService.NewFile("to-khai.pdf", pdf)),
                    token), java.util.Locale.forLanguageTag("vi"));
        };
        // Baseline: one after another.
        double[] alone = new double[citizens];
        for (int i = 0; i < citizens; i++) {
            long t = System.nanoTime();
            submit.apply("seq-" + run + "-" + i, i).run();
            alone[i] = (System.nanoTime() - t) / 1e6;
        }
        List<Runnable> work = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            String token = "par-" + run + "-" + i;
            work.add(submit.apply(token, i));
            if (i % 5 == 0) {
                work.add(submit.apply(token, i));
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(work.size());
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(work.size());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Double>> results = new ArrayList<>();
        for (Runnable r : work) {
            results.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                long t = System.nanoTime();
                r.run();
                return (System.nanoTime() - t) / 1e6;
            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        List<Double> times = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (var r : results) {
            try {
                times.add(r.get());
            } catch (java.util.concurrent.ExecutionException e) {
                errors.add(String.valueOf(e.getCause()));
            }
        }
        double wall = (System.nanoTime() - start) / 1e6;
        pool.shutdown();
        long[] made = Jdbc.transaction(f.database.dataSource(), c -> new long[] {
            Jdbc.one(c, "SELECT COUNT(*) FROM svc_dossier WHERE submit_token LIKE ?", rs -> rs.getLong(1), "par-" + run + "-%"),
            Jdbc.one(c, "SELECT COUNT(DISTINCT submit_token) FROM svc_dossier WHERE submit_token LIKE ?", rs -> rs.getLong(1),
                    "par-" + run + "-%"),
            Jdbc.one(c, "SELECT COUNT(DISTINCT applicant) FROM svc_dossier WHERE submit_token LIKE ?", rs -> rs.getLong(1),
                    "par-" + run + "-%")});
        Long duplicates = Jdbc.transaction(f.database.dataSource(), c -> Jdbc.one(c, "SELECT COUNT(*) FROM (SELECT applicant"
                + " FROM svc_dossier WHERE submit_token LIKE ? GROUP BY applicant HAVING COUNT(*) > 1) t",
                rs -> rs.getLong(1), "par-" + run + "-%"));
        System.out.printf("baseline: %d submissions (a 20 KB PDF each, procedure %s) one after another: %s%n", citizens,
                procedure.code(), figures(alone));
        System.out.printf("%d citizens submitting at once, %d of them double-clicking (%d requests, %d threads): %s;"
                + " all done in %.0f ms%n", citizens, citizens / 5, work.size(), work.size(),
                figures(times.stream().mapToDouble(Double::doubleValue).toArray()), wall);
        System.out.printf("errors: %d %s; dossiers made: %d for %d tokens and %d citizens; citizens with more than one: %d%n",
                errors.size(), errors.stream().distinct().limit(3).toList(), made[0], made[1], made[2], duplicates);
    }

    /** @return "median, p95, p99, max" of times in milliseconds */
    static String figures(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format("median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", at(s, 0.5), at(s, 0.95), at(s, 0.99),
                s[s.length - 1]);
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
