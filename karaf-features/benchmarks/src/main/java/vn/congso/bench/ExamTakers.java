package vn.congso.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.congso.security.internal.Argon2Passwords;

/**
 * What the exam benchmarks share: benchmark learners written into a stopped distribution's
 * Derby database, and a simulated exam taker's steps through Vaadin's protocol (sign in on the
 * login view, start the demo exam, give the question on screen a new answer).
 */
final class ExamTakers {

    /** The demo course whose exam the takers sit. */
    static final String COURSE_TITLE = "Kỹ năng công nghệ thông tin cơ bản";
    /** Every benchmark learner's password. */
    static final String PASSWORD = "Bench-exam-2026!";
    private static final String[] UNITS = {"xa-tai-van", "xa-lich-hoi-thuong", "xa-dai-an-2", "xa-lieu-tu", "district"};
    private static final Pattern ATTEMPT_ROUTE = Pattern.compile("training/attempt/(\\d+)");

    private ExamTakers() {
    }

    /** The JDBC URL of a distribution's embedded Derby database (only while no Karaf uses it). */
    static String databaseUrl(Path home) {
        return "jdbc:derby:" + home.resolve("data/derby/congso");
    }

    /** Shuts an embedded Derby database down, which Derby reports as SQLState 08006. */
    static void shutdown(String url) throws SQLException {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            if (!"08006".equals(expected.getSQLState())) {
                throw expected;
            }
        }
    }

    /** Waits until the shell answers and the training plugin, the last to start, has registered its views. */
    static void awaitTraining(VaadinProbe probe) throws InterruptedException {
        Karaf.await(() -> probe.status("") == 200, 240_000);
        // The training plugin's views are registered after its demo data has been loaded.
        Karaf.await(() -> probe.shows("training/verify/none", "verify-status"), 120_000, 250);
    }

    /**
     * Writes the benchmark learners into the stopped distribution's database: enabled, role
     * {@code learner}, spread over the demo learners' five units, enrolled in the demo course,
     * with no forced password change, all sharing one Argon2id hash made by core/security's own
     * {@link Argon2Passwords#standard()}.
     *
     * @return the demo exam's id
     */
    static long addLearners(Path home, int users) throws SQLException {
        String url = databaseUrl(home);
        String hash = Argon2Passwords.standard().hash(PASSWORD.toCharArray());
        long examId;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            String marker = one(c, "SELECT setting_value FROM trn_setting WHERE name = 'demo.loaded'");
            if (!"done".equals(marker)) {
                throw new IllegalStateException("The training demo was not loaded (marker: " + marker + ")");
            }
            long courseId = Long.parseLong(one(c, "SELECT id FROM trn_course WHERE title = '" + COURSE_TITLE + "'"));
            examId = Long.parseLong(one(c, "SELECT id FROM trn_exam WHERE course_id = " + courseId));
            Timestamp now = Timestamp.from(Instant.now());
            List<String> names = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                names.add(username(i));
            }
            insertAccounts(c, names, "Học viên thử tải ", "learner", UNITS, hash);
            try (PreparedStatement enrol = c.prepareStatement("INSERT INTO trn_enrolment (course_id, username,"
                    + " enrolled_by, enrolled_at, deadline) VALUES (?, ?, 'system:bench', ?, ?)")) {
                for (String name : names) {
                    enrol.setLong(1, courseId);
                    enrol.setString(2, name);
                    enrol.setTimestamp(3, now);
                    enrol.setTimestamp(4, Timestamp.from(Instant.now().plus(90, ChronoUnit.DAYS)));
                    enrol.executeUpdate();
                }
            }
            c.commit();
        }
        shutdown(url);
        return examId;
    }

    /**
     * Inserts benchmark accounts into a stopped distribution's database (in the caller's
     * transaction): enabled, one role, spread over the units in turn, no forced password change,
     * all with the same password hash.
     *
     * @param fullNamePrefix the display name before the account's number (1, 2, ...)
     */
    static void insertAccounts(Connection c, List<String> names, String fullNamePrefix, String roleId, String[] units,
            String hash) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement user = c.prepareStatement("INSERT INTO sec_user (username, full_name, email, phone,"
                + " unit_id, enabled, password_hash, must_change_password, created_at, updated_at)"
                + " VALUES (?, ?, '', '', ?, TRUE, ?, FALSE, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS);
                PreparedStatement role = c.prepareStatement("INSERT INTO sec_user_role (user_id, role_id) VALUES (?, ?)")) {
            for (int i = 0; i < names.size(); i++) {
                user.setString(1, names.get(i));
                user.setString(2, fullNamePrefix + (i + 1));
                user.setString(3, units[i % units.length]);
                user.setString(4, hash);
                user.setTimestamp(5, now);
                user.setTimestamp(6, now);
                user.executeUpdate();
                try (ResultSet keys = user.getGeneratedKeys()) {
                    keys.next();
                    role.setLong(1, keys.getLong(1));
                }
                role.setString(2, roleId);
                role.executeUpdate();
            }
        }
    }

    /** The first column of the first row, or null. */
    static String one(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String username(int index) {
        return String.format("bench.u%04d", index + 1);
    }

    /**
     * Signs a benchmark learner in on the login view (types name and password, clicks) and
     * closes that page with the browser's unload beacon.
     *
     * @return the sign-in round trip in ms
     */
    static long signIn(VaadinProbe.Browser browser, int index) throws Exception {
        return signIn(browser, username(index), PASSWORD);
    }

    /**
     * Signs an account in on the login view and closes that page with the unload beacon.
     *
     * @return the sign-in round trip in ms
     */
    static long signIn(VaadinProbe.Browser browser, String username, String password) throws Exception {
        long t0 = System.nanoTime();
        VaadinProbe.Tab login = browser.open("login");
        login.setValue("login-username", TextNode.valueOf(username));
        login.setValue("login-password", TextNode.valueOf(password));
        login.click("login-submit");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        VaadinProbe.Node error = login.find("login-error");
        if (!login.lastExecute().contains("./") || error != null && !"true".equals(error.get("hidden"))
                && login.text(error) != null && !login.text(error).isBlank()) {
            throw new IllegalStateException(username + " could not sign in: " + login.text(error) + " "
                    + login.lastExecute());
        }
        login.unload();
        return millis;
    }

    /**
     * Opens {@code training/exam/<id>}, clicks {@code exam-start} and the confirmation, which
     * starts an attempt and navigates to {@code training/attempt/<id>}, and closes that page.
     *
     * @return the attempt's id
     */
    static long startAttempt(VaadinProbe.Browser browser, int index, long examId) throws Exception {
        VaadinProbe.Tab start = browser.open("training/exam/" + examId);
        start.click("exam-start");
        start.click("exam-start-confirm-button");
        Matcher route = ATTEMPT_ROUTE.matcher(start.lastExecute());
        if (!route.find() || start.find("attempt-view") == null) {
            throw new IllegalStateException(username(index) + " could not start the exam: "
                    + VaadinProbe.abbreviate(start.lastExecute()));
        }
        start.unload();
        return Long.parseLong(route.group(1));
    }

    /** The component whose value answers the question on screen. */
    static String answerComponent(VaadinProbe.Tab tab) {
        return tab.find("exam-match-1") != null ? "exam-match-1" : "exam-answer";
    }

    /**
     * A value different from the one on screen, as the web component would send it.
     *
     * @param n a counter that differs from one answer of this taker to the next
     */
    static JsonNode nextValue(VaadinProbe.Tab tab, String component, int n) {
        VaadinProbe.Node node = tab.find(component);
        String tag = node == null ? "" : node.tag;
        JsonNodeFactory json = JsonNodeFactory.instance;
        switch (tag) {
            case "vaadin-radio-group" -> {
                List<String> keys = keys(tab, node, "vaadin-radio-button");
                String current = node.get("value");
                int at = keys.indexOf(current);
                return TextNode.valueOf(keys.get((at + 1) % keys.size()));
            }
            case "vaadin-checkbox-group" -> {
                List<String> keys = keys(tab, node, "vaadin-checkbox");
                JsonNode current = node.properties.get("value");
                // Never the selection on screen: the same value is no change, so nothing is saved.
                for (int i = n; ; i++) {
                    ArrayNode chosen = json.arrayNode();
                    chosen.add(keys.get(i % keys.size()));
                    if (i % 2 == 0 && keys.size() > 1) {
                        chosen.add(keys.get((i + 1) % keys.size()));
                    }
                    if (!chosen.equals(current) || i >= n + 2 * keys.size()) {
                        return chosen;
                    }
                }
            }
            case "vaadin-number-field" -> {
                return TextNode.valueOf(Integer.toString(n));
            }
            case "vaadin-select" -> {
                List<String> keys = keys(tab, node, "vaadin-select-item");
                if (keys.isEmpty()) {
                    return TextNode.valueOf(Integer.toString(1 + n % 3));
                }
                String current = node.get("value");
                int at = keys.indexOf(current);
                return TextNode.valueOf(keys.get((at + 1) % keys.size()));
            }
            default -> {
                return TextNode.valueOf("câu trả lời " + n);
            }
        }
    }

    /** The item keys of a radio, check box or select component, in the order shown. */
    static List<String> keys(VaadinProbe.Tab tab, VaadinProbe.Node node, String tag) {
        List<String> keys = new ArrayList<>();
        for (VaadinProbe.Node option : tab.descendants(node, tag)) {
            String key = option.get("value");
            if (key != null && !key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** One step of a setup, for one item (a virtual user). */
    interface Step<T> {
        void run(T item) throws Exception;
    }

    /** Runs a step for every item on a few threads; the first failure ends the program's run. */
    static <T> void forEach(List<T> items, int threads, Step<T> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (T item : items) {
            done.add(pool.submit(() -> {
                step.run(item);
                return null;
            }));
        }
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow(); // on a failure too, so the program ends instead of waiting for workers
        }
    }
}
