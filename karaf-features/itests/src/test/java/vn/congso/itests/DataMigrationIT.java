package vn.congso.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jdbc.DataSourceFactory;
import vn.congso.core.spi.BackupService;
import vn.congso.core.spi.MigrationStatus;
import vn.congso.core.spi.MigrationStatus.Migration;
import vn.congso.api.security.AccessDeniedException;

/**
 * Migrate before use, against the assembled distribution: a bundle whose changelog applies gets
 * the database and its component activates on a migrated schema; a bundle whose changelog fails
 * gets nothing, its failing changeset leaves nothing behind, the failure is in
 * {@link MigrationStatus}, and nothing else stops or is refreshed. Then an online backup is
 * restored into a fresh Derby and holds the same rows, and the shipped {@code bin/congso-restore}
 * brings a changed database back to a backup's state. {@code GET /health} answers loopback with
 * the database, migrations, backups and plugins, and turns 503 when a migration fails.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DataMigrationIT {

    static final String OK = "congso-itests-migration-ok";
    static final String BROKEN = "congso-itests-migration-broken";
    static final long TIMEOUT_MS = 30_000;
    static final int HTTP_PORT = 18481;

    @Inject
    private BundleContext bundleContext;

    @Inject
    private MigrationStatus migrationStatus;

    @Inject
    private BackupService backupService;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    @Filter("(osgi.jndi.service.name=congso)")
    private DataSource dataSource;

    @Configuration
    public Option[] config() {
        List<Option> options = CongSoContainer.options("target/pax-exam-data",
                new CongSoContainer.Ports(HTTP_PORT, 18401, 11499, 44450));
        options.add(systemProperty("congso.migration.ok.jar")
                .value(CongSoContainer.requiredFile("congso.migration.ok.jar")));
        options.add(systemProperty("congso.migration.broken.jar")
                .value(CongSoContainer.requiredFile("congso.migration.broken.jar")));
        return options.toArray(new Option[0]);
    }

    @Test
    public void migratesBeforeUseIsolatesAFailureAndBacksUp() throws Exception {
        List<String> disturbed = new CopyOnWriteArrayList<>();
        BundleListener watcher = event -> {
            String name = event.getBundle().getSymbolicName();
            boolean ours = OK.equals(name) || BROKEN.equals(name);
            if (!ours && (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNRESOLVED)) {
                disturbed.add(name + " " + event.getType());
            }
        };
        bundleContext.addBundleListener(watcher);
        healthAnswersLoopbackOnly();
        Bundle ok = bundleContext.installBundle("file:" + System.getProperty("congso.migration.ok.jar"));
        Bundle broken = bundleContext.installBundle("file:" + System.getProperty("congso.migration.broken.jar"));
        try {
            ok.start();
            broken.start();

            // The good bundle: its component reads its own table on activation.
            awaitComponentState(ok, ComponentConfigurationDTO.ACTIVE);
            Migration okMigration = awaitMigration(OK);
            assertEquals(okMigration.toString(), MigrationStatus.State.MIGRATED, okMigration.state());
            assertEquals(2, okMigration.changesetsApplied());
            assertEquals(OK + "/db/changelog.xml", okMigration.changelog());
            assertEquals(1, count("itest_ok_note"));
            System.out.printf("[DataMigrationIT] %s first migration: %d changesets in %d ms%n", OK,
                    okMigration.changesetsApplied(), okMigration.millis());

            // The broken bundle: no database, so its component never activates.
            Migration failed = awaitMigration(BROKEN);
            assertEquals(MigrationStatus.State.FAILED, failed.state());
            assertEquals(1, failed.changesetsApplied());
            assertTrue(failed.message(), failed.message().toUpperCase().contains("ITEST_NO_SUCH_TABLE"));
            Thread.sleep(2_000); // give SCR every chance to (wrongly) activate it
            assertNotEquals("broken component activated", ComponentConfigurationDTO.ACTIVE, componentState(broken));
            assertTrue(tableExists("itest_broken_good"));
            assertFalse("the failing changeset left a table behind", tableExists("itest_broken_half"));
            assertEquals(List.of(BROKEN + "/db/changelog.xml::1"), changelogEntries(BROKEN + "/%"));
            assertTrue(logContains("Migration of " + BROKEN + " ", "ITEST_NO_SUCH_TABLE"));
            Health failing = health(Map.of());
            assertEquals(failing.body(), 503, failing.status());
            assertTrue(failing.body(), failing.body().contains("\"migrations\":{\"status\":\"DOWN\""));
            assertTrue(failing.body(), failing.body().contains("\"bundle\":\"" + BROKEN + "\""));
            assertTrue(failing.body(), failing.body().contains("\"database\":{\"status\":\"UP\""));

            // Everything else carries on.
            assertActive(OK);
            assertActive("congso-core-ui");
            assertActive("congso-core-data");
            assertEquals(Bundle.ACTIVE, broken.getState());
            assertEquals("bundles stopped or refreshed: " + disturbed, List.of(), disturbed);

            // The same build is not migrated again; an updated one is, with nothing to do.
            ok.stop();
            ok.start();
            awaitComponentState(ok, ComponentConfigurationDTO.ACTIVE);
            assertEquals(okMigration.finishedAt(), migrationStatus.migration(OK).orElseThrow().finishedAt());
            ok.update();
            awaitComponentState(ok, ComponentConfigurationDTO.ACTIVE);
            Migration upToDate = migrationStatus.migration(OK).orElseThrow();
            assertNotEquals(okMigration.finishedAt(), upToDate.finishedAt());
            assertEquals(MigrationStatus.State.MIGRATED, upToDate.state());
            assertEquals(0, upToDate.changesetsApplied());
            System.out.printf("[DataMigrationIT] %s unchanged changelog after bundle:update (digest match, Liquibase skipped): %d ms%n", OK,
                    upToDate.millis());

            Path backup = backupRestoresTheSameRows();
            restoreScriptBringsBackTheBackedUpState(backup);
        } finally {
            bundleContext.removeBundleListener(watcher);
            broken.uninstall();
            ok.uninstall();
        }
    }

    /** The answer of {@code GET /health}. */
    private record Health(int status, String body) {
    }

    private static Health health(Map<String, String> headers) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + HTTP_PORT + "/health").openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(10_000);
        headers.forEach(c::setRequestProperty);
        int status = c.getResponseCode();
        InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        c.disconnect();
        return new Health(status, body);
    }

    private void healthAnswersLoopbackOnly() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        Health health = new Health(-1, "");
        while (System.currentTimeMillis() < deadline) {
            try {
                health = health(Map.of());
                if (health.status() == 200 && health.body().contains("\"plugins\":{")) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                health = new Health(-1, notYet.toString());
            }
            Thread.sleep(250);
        }
        System.out.println("[DataMigrationIT] GET /health: " + health.status() + " " + health.body());
        String body = health.body();
        assertEquals(body, 200, health.status());
        assertTrue(body, body.startsWith("{\"status\":\"UP\""));
        assertTrue(body, body.contains("\"database\":{\"status\":\"UP\",\"reachable\":true,\"responseMillis\":"));
        assertTrue(body, body.contains("\"migrations\":{\"status\":\"UP\""));
        assertTrue(body, body.contains("\"bundle\":\"congso-core-data\""));
        assertTrue(body, body.contains("\"backups\":{\"status\":\"UP\",\"schedule\":\"daily at 02:00 Asia/Ho_Chi_Minh\""));
        assertTrue(body, body.contains("\"plugin\":\"congso-plugin-training\""));
        for (String secret : List.of("jdbc:", "derby/congso", System.getProperty("karaf.data"), "password", "\"user")) {
            assertFalse(secret + " in " + body, body.contains(secret));
        }
        // Through a reverse proxy on this machine the peer is loopback too: not admitted.
        Health proxied = health(Map.of("X-Forwarded-For", "203.0.113.7"));
        assertEquals(404, proxied.status());
        assertFalse(proxied.body(), proxied.body().contains("database"));
    }

    private Path backupRestoresTheSameRows() throws Exception {
        try {
            backupService.backup();
            fail("backup without the platform:backup permission must be refused");
        } catch (AccessDeniedException expected) {
            assertEquals("platform:backup", expected.permission());
        }

        String printed = execute("congso:backup").trim();
        Path folder = Path.of(printed.lines().reduce((a, b) -> b).orElse(""));
        assertTrue("congso:backup printed " + printed, Files.isDirectory(folder.resolve("congso")));
        assertTrue(folder.startsWith(Path.of(System.getProperty("karaf.data"), "backups")));

        Map<String, Long> live = counts(dataSource);
        Properties props = new Properties();
        Path restoredDir = Path.of(System.getProperty("karaf.data"), "restored-" + System.nanoTime());
        props.setProperty(DataSourceFactory.JDBC_URL,
                "jdbc:derby:" + restoredDir + ";restoreFrom=" + folder.resolve("congso"));
        DataSource restored = derbyFactory().createDataSource(props);
        assertEquals(live, counts(restored));
        System.out.printf("[DataMigrationIT] backup %s restored with rows %s%n", folder, live);
        return folder;
    }

    /**
     * Runs the shipped {@code bin/congso-restore} on a copy of the layout (this Karaf cannot stop
     * itself): a database changed after backup A, restored from A, holds A's rows again; a name
     * not in the backup list, a path, and a running Karaf are refused.
     */
    private void restoreScriptBringsBackTheBackedUpState(Path backupA) throws Exception {
        long rowsAtA = count("itest_ok_note");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO itest_ok_note (id, body) VALUES (?, ?)")) {
            ps.setLong(1, 100);
            ps.setString(2, "after backup A");
            ps.executeUpdate();
        }
        Path backupB = Path.of(execute("congso:backup").trim().lines().reduce((a, b) -> b).orElse(""));
        String listed = execute("congso:backups");
        assertTrue(listed, listed.contains(backupA.getFileName().toString()) && listed.contains(backupB.getFileName().toString()));

        Path base = Path.of(System.getProperty("karaf.data"), "restore-layout-" + System.nanoTime());
        Path data = base.resolve("data");
        copyTree(backupB.resolve("congso"), data.resolve("derby/congso")); // the "live", changed database
        String name = backupA.getFileName().toString();
        copyTree(backupA.resolve("congso"), data.resolve("backups").resolve(name).resolve("congso"));
        Path script = Path.of(System.getProperty("karaf.home"), "bin", "congso-restore");
        assertTrue("not shipped: " + script, Files.isRegularFile(script));

        assertEquals(name, restore(script, base, "--list").output().trim());
        for (String refused : List.of("../../etc", data.resolve("backups").resolve(name).toString(), "2020-01-01_000000",
                name + "/congso")) {
            Run run = restore(script, base, refused);
            assertEquals(run.output(), 1, run.exit());
            assertTrue(run.output(), run.output().contains("is not a backup"));
        }
        Files.writeString(base.resolve("karaf.pid"), Long.toString(ProcessHandle.current().pid()));
        Run running = restore(script, base, name);
        assertEquals(running.output(), 1, running.exit());
        assertTrue(running.output(), running.output().contains("Karaf is running"));
        Files.delete(base.resolve("karaf.pid"));

        Run done = restore(script, base, name);
        assertEquals(done.output(), 0, done.exit());
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, "jdbc:derby:" + data.resolve("derby/congso"));
        DataSource restored = derbyFactory().createDataSource(props);
        assertEquals(rowsAtA, count(restored, "ITEST_OK_NOTE"));
        try (Connection c = restored.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM itest_ok_note WHERE id = 100");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals("the row written after backup A is gone", 0, rs.getLong(1));
        }
        try (var aside = Files.list(data.resolve("derby"))) {
            assertTrue("the replaced database is kept aside",
                    aside.anyMatch(p -> p.getFileName().toString().startsWith("congso.before-restore-")));
        }
        System.out.printf("[DataMigrationIT] bin/congso-restore %s: %d row(s) again, the later row gone%n", name, rowsAtA);
    }

    /** The outcome of one run of the restore script. */
    private record Run(int exit, String output) {
    }

    private static Run restore(Path script, Path base, String argument) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString(), argument).redirectErrorStream(true);
        builder.environment().put("KARAF_BASE", base.toString());
        builder.environment().put("KARAF_DATA", base.resolve("data").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("congso-restore did not finish", process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        System.out.println("[DataMigrationIT] congso-restore " + argument + " -> " + process.exitValue() + ": " + output.trim());
        return new Run(process.exitValue(), output);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private Map<String, Long> counts(DataSource ds) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("DATABASECHANGELOG", "CONGSO_MIGRATION", "ITEST_OK_NOTE", "ITEST_BROKEN_GOOD")) {
            counts.put(table, count(ds, table));
        }
        return counts;
    }

    private DataSourceFactory derbyFactory() throws Exception {
        Collection<ServiceReference<DataSourceFactory>> refs = bundleContext.getServiceReferences(
                DataSourceFactory.class, "(" + DataSourceFactory.OSGI_JDBC_DRIVER_NAME + "=derby)");
        assertFalse("no Derby DataSourceFactory", refs.isEmpty());
        return bundleContext.getService(refs.iterator().next());
    }

    private String execute(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        try {
            session.execute(command);
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Migration awaitMigration(String bundle) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            var migration = migrationStatus.migration(bundle);
            if (migration.isPresent()) {
                return migration.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no migration recorded for " + bundle + " within " + TIMEOUT_MS + " ms");
    }

    private void awaitComponentState(Bundle bundle, int state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        int last = -1;
        while (System.currentTimeMillis() < deadline) {
            last = componentState(bundle);
            if (last == state) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(bundle.getSymbolicName() + " component state " + last + ", wanted " + state);
    }

    /** The state of the bundle's only component configuration, or -1 when it has none. */
    private int componentState(Bundle bundle) {
        int state = -1;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                state = configuration.state;
            }
        }
        return state;
    }

    private void assertActive(String symbolicName) {
        Bundle found = null;
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                found = b;
            }
        }
        assertNotNull("bundle " + symbolicName + " is not installed", found);
        assertEquals("bundle " + symbolicName + " state", Bundle.ACTIVE, found.getState());
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
            return rs.next();
        }
    }

    private long count(String table) throws SQLException {
        return count(dataSource, table);
    }

    private static long count(DataSource ds, String table) throws SQLException {
        // A table name cannot be a parameter; these are the test's own constants.
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> changelogEntries(String filenamePattern) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT FILENAME, ID FROM DATABASECHANGELOG WHERE FILENAME LIKE ? ORDER BY ORDEREXECUTED")) {
            ps.setString(1, filenamePattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(rs.getString(1) + "::" + rs.getString(2));
                }
            }
        }
        return entries;
    }

    private static boolean logContains(String... fragments) throws Exception {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<String> errors = lines.stream().filter(l -> l.contains("| ERROR |")).collect(Collectors.toList());
        System.out.println("[DataMigrationIT] ERROR lines in karaf.log:\n" + String.join("\n", errors));
        return errors.stream().anyMatch(l -> List.of(fragments).stream().allMatch(l::contains));
    }
}
