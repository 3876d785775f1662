package vn.congso.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Plugin administration end to end, through the {@code congso:plugin-*} commands (the same
 * PluginService as the view) run as a Karaf admin: install → upgrade (migration adds a column,
 * the row written under v1 stays) → failing upgrade rolled back automatically → rollback on
 * demand → uninstall (data kept) → reinstall (data found); and every bad input of issue 4,
 * asserting the refusal key and that the installed bundles and their states are unchanged.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginAdminIT {

    static final String KARAF_VERSION = System.getProperty("karaf.version", "4.4.10");
    static final String PLUGIN = "congso-itests-sample-plugin";

    @Inject
    private BundleContext bundleContext;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    @Filter("(osgi.jndi.service.name=congso)")
    private DataSource dataSource;

    @Configuration
    public Option[] config() throws Exception {
        String zip = requiredFile("congso.distribution.zip");
        String v1 = requiredFile("congso.sample.v1.jar");
        Map<String, Path> fixtures = PluginFixtures.build(Path.of("target/plugin-admin-fixtures").toAbsolutePath(),
                Path.of(v1), Path.of(requiredFile("congso.signing.keystore")), System.getProperty("congso.signing.storepass"),
                Path.of(requiredFile("congso.testplugin.jar")));
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl("file:" + zip)
                        .karafVersion(KARAF_VERSION)
                        .name("CongSo")
                        .unpackDirectory(new File("target/pax-exam-plugin-admin"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/vn.congso.ui.cfg", "port", "18581"),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "18501"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "11599"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "44455"),
                // A small limit so that the over-size fixture stays small.
                editConfigurationFilePut("etc/vn.congso.admin.cfg", "maxUploadMegabytes", "1"),
                editConfigurationFilePut("etc/vn.congso.admin.cfg", "healthTimeoutSeconds", "10"),
                // The distribution trusts nobody; this container trusts the test key that signed the fixtures.
                replaceConfigurationFile("etc/congso-trust/congso-test-signer.pem",
                        new File(requiredFile("congso.signing.certificate"))),
                systemProperty("congso.sample.v1.jar").value(v1),
                systemProperty("congso.sample.v2.jar").value(requiredFile("congso.sample.v2.jar")),
                systemProperty("congso.sample.v3.jar").value(requiredFile("congso.sample.v3.jar")),
                systemProperty("congso.migration.broken.jar").value(requiredFile("congso.migration.broken.jar"))));
        for (Map.Entry<String, Path> fixture : fixtures.entrySet()) {
            options.add(systemProperty("fixture." + fixture.getKey()).value(fixture.getValue().toString()));
        }
        options.addAll(KarafJavaOptions.java9PlusBootOptions(KARAF_VERSION));
        if (Boolean.getBoolean("congso.itests.keepRuntimeFolder")) {
            options.add(keepRuntimeFolder());
        }
        String localRepo = System.getProperty("maven.repo.local");
        if (localRepo != null && !localRepo.isBlank()) {
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", localRepo));
        }
        return options.toArray(new Option[0]);
    }

    @Test
    public void installUpgradeRollBackRemoveAndRefuseBadInput() throws Exception {
        String v1 = System.getProperty("congso.sample.v1.jar");
        String v2 = System.getProperty("congso.sample.v2.jar");
        String v3 = System.getProperty("congso.sample.v3.jar");
        awaitCommand();
        long deniedBefore = audited("DENIED");
        long succeededBefore = audited("SUCCESS");
        long failedBefore = audited("FAILURE");
        long recordsBefore = installRecords();

        long t0 = System.nanoTime();
        assertStatus("DONE " + PLUGIN + "/1.0.0", shell("congso:plugin-install " + v1));
        System.out.printf("[PluginAdminIT] install v1 took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        Bundle plugin = pluginBundle();
        assertEquals(Bundle.ACTIVE, plugin.getState());
        assertEquals("congso-plugin:" + PLUGIN, plugin.getLocation());
        sql("INSERT INTO sample_note (id, body) VALUES (1, 'written under v1')");

        for (String key : List.of("plugin.refused.not-a-zip", "plugin.refused.truncated", "plugin.refused.no-manifest",
                "plugin.refused.unsigned", "plugin.refused.unknown-signer", "plugin.refused.tampered",
                "plugin.refused.kar-broken-features", "plugin.refused.too-large", "plugin.refused.unresolved",
                "plugin.refused.fragment-of-core", "plugin.refused.package-of-core", "plugin.refused.core-name",
                "plugin.refused.core-bundle", "plugin.refused.core-package", "plugin.refused.zip-overlapping")) {
            assertRefusedWithoutChange(key, "congso:plugin-install " + System.getProperty("fixture." + key));
        }
        assertRefusedWithoutChange("plugin.refused.already-installed", "congso:plugin-install " + v1);

        t0 = System.nanoTime();
        assertStatus("DONE " + PLUGIN + "/2.0.0", shell("congso:plugin-upgrade " + v2));
        System.out.printf("[PluginAdminIT] upgrade v1 -> v2 took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertEquals("2.0.0", pluginBundle().getVersion().toString());
        assertEquals("the v2 migration added the column; the v1 row is still there", "written under v1|null",
                query("SELECT body, author FROM sample_note WHERE id = 1"));
        assertEquals(plugin.getBundleId(), pluginBundle().getBundleId());

        assertRefusedWithoutChange("plugin.refused.not-newer", "congso:plugin-upgrade " + v1);

        Map<String, String> beforeFailingUpgrade = installedBundles();
        t0 = System.nanoTime();
        String failing = shell("congso:plugin-upgrade " + v3);
        System.out.printf("[PluginAdminIT] failed upgrade to v3 and automatic restore of v2 took %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);
        assertStatus("ROLLED_BACK " + PLUGIN + "/2.0.0 [plugin.health.component-failed]", failing);
        assertTrue(failing, failing.contains("fails on activation on purpose"));
        assertEquals(beforeFailingUpgrade, installedBundles());
        assertEquals(Bundle.ACTIVE, pluginBundle().getState());
        assertEquals("the plugin API is still exported by core alone", List.of("congso-core-api"), apiExporters());

        assertStatus("DONE " + PLUGIN + "/1.0.0", shell("congso:plugin-rollback " + PLUGIN));
        assertEquals("1.0.0", pluginBundle().getVersion().toString());
        assertEquals(Bundle.ACTIVE, pluginBundle().getState());
        assertEquals("written under v1", query("SELECT body FROM sample_note WHERE id = 1"));

        String list = shell("congso:plugin-list");
        assertTrue(list, list.contains(PLUGIN) && list.contains("ACTIVE") && list.contains("sample-plugin"));

        assertStatus("DONE " + PLUGIN + "/1.0.0", shell("congso:plugin-stop " + PLUGIN));
        assertEquals(Bundle.RESOLVED, pluginBundle().getState());
        assertStatus("DONE " + PLUGIN + "/1.0.0", shell("congso:plugin-start " + PLUGIN));
        assertEquals(Bundle.ACTIVE, pluginBundle().getState());

        assertStatus("DONE " + PLUGIN + "/1.0.0", shell("congso:plugin-uninstall " + PLUGIN));
        assertTrue(bundles(PLUGIN).isEmpty());
        assertEquals("data is kept after uninstall", "written under v1", query("SELECT body FROM sample_note WHERE id = 1"));

        // A component that throws on activation, as a fresh install: refused after the attempt, nothing left behind.
        Map<String, String> beforeFailingInstall = installedBundles();
        assertStatus("FAILED " + PLUGIN + "/3.0.0 [plugin.health.component-failed]", shell("congso:plugin-install " + v3));
        assertEquals(beforeFailingInstall, installedBundles());

        assertStatus("DONE " + PLUGIN + "/2.0.0", shell("congso:plugin-install " + v2));
        assertEquals("the reinstalled plugin finds its data", "written under v1|null",
                query("SELECT body, author FROM sample_note WHERE id = 1"));

        assertStatus("DONE " + PLUGIN + "/2.0.0", shell("congso:plugin-uninstall " + PLUGIN));
        assertStatus("REFUSED [plugin.refused.purge-not-confirmed]", shell("congso:plugin-uninstall --purge " + PLUGIN));
        assertEquals("written under v1", query("SELECT body FROM sample_note WHERE id = 1"));
        assertStatus("DONE " + PLUGIN + "/", shell("congso:plugin-uninstall --purge --yes-delete-data " + PLUGIN));
        assertFalse("purge dropped the table", tableExists("SAMPLE_NOTE"));

        long denied = audited("DENIED") - deniedBefore;
        long succeeded = audited("SUCCESS") - succeededBefore;
        assertEquals("every refusal is audited", 18, denied);
        assertEquals("install, upgrade, rollback, stop, start, uninstall, reinstall, uninstall, purge are audited",
                9, succeeded);
        assertEquals("the failed upgrade and the failed install are audited", 2, audited("FAILURE") - failedBefore);
        assertEquals("install v1, upgrade v2, install v2", 3, installRecords() - recordsBefore);
    }

    @Test
    public void isolatesAFailingMigrationAndInstallsAKarafArchive() throws Exception {
        awaitCommand();
        Map<String, String> before = settledBundles();
        String failed = shell("congso:plugin-install " + System.getProperty("congso.migration.broken.jar"));
        assertStatus("FAILED congso-itests-migration-broken/", failed);
        assertStatus("[plugin.health.migration-failed]", failed);
        assertEquals("a plugin whose migration fails is removed again, nothing else moves", before, installedBundles());

        assertStatus("DONE congso-itests-test-plugin/0.1.0.SNAPSHOT",
                shell("congso:plugin-install " + System.getProperty("fixture.kar")));
        Bundle plugin = bundles("congso-itests-test-plugin").get(0);
        assertEquals(Bundle.ACTIVE, plugin.getState());
        assertEquals("congso-plugin:congso-itests-test-plugin", plugin.getLocation());
        String list = shell("congso:plugin-list");
        assertTrue(list, list.contains("congso-itests-test-plugin") && list.contains("test-plugin"));
        assertStatus("DONE congso-itests-test-plugin/0.1.0.SNAPSHOT", shell("congso:plugin-uninstall congso-itests-test-plugin"));
        assertEquals(before, installedBundles());
    }

    @Test
    public void installsAFeatureFromTheConfiguredRepository() throws Exception {
        awaitCommand();
        String feature = "congso-theme-high-contrast";
        String offered = shell("congso:plugin-list -a");
        assertTrue(offered.contains(feature));
        // Described by its own jar (Bundle-Description translated in its Bundle-Localization), read from the
        // repository before it is installed, not by the feature's English one-liner nor by core.
        assertTrue(offered, offered.contains("High contrast for people with low vision: black text on white (21:1)"));
        Map<String, String> before = settledBundles();
        String plan = shell("congso:plugin-install --dry-run " + feature);
        assertTrue(plan, plan.contains("OK: would install") && plan.contains("congso-theme-high-contrast/0.1.0-SNAPSHOT"));
        assertEquals("a dry run changes nothing", before, installedBundles());
        assertStatus("DONE " + feature, shell("congso:plugin-install " + feature));
        assertEquals(Bundle.ACTIVE, bundles("congso-theme-high-contrast").get(0).getState());
        assertRefusedWithoutChange("plugin.refused.already-installed", "congso:plugin-install " + feature);
        assertRefusedWithoutChange("plugin.refused.no-such-feature", "congso:plugin-install no-such-feature-here");
        assertFalse(shell("congso:plugin-list -a").contains(feature));
    }

    /**
     * 50 install/uninstall rounds of a plugin that contributes a view: the heap after GC grows less
     * than 10 % and the class loader of every removed version becomes unreachable.
     */
    @Test
    public void fiftyInstallUninstallRoundsLeakNeitherHeapNorClassLoaders() throws Exception {
        awaitCommand();
        String v1 = System.getProperty("congso.sample.v1.jar");
        for (int i = 0; i < 5; i++) { // warm-up: caches, JIT, Vaadin route registry
            round(v1);
        }
        long heapBefore = heapAfterGc();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            loaders.add(round(v1));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long heapAfter = heapAfterGc();
        long alive = loaders.stream().filter(r -> r.get() != null).count();
        for (int i = 0; i < 20 && alive > 0; i++) {
            heapAfterGc();
            alive = loaders.stream().filter(r -> r.get() != null).count();
        }
        double growth = (heapAfter - heapBefore) * 100.0 / heapBefore;
        System.out.printf("[PluginAdminIT] 50 rounds in %d ms (%d ms each); heap after GC %d -> %d KB (%+.1f %%); "
                + "class loaders still reachable: %d%n", millis, millis / 50, heapBefore / 1024, heapAfter / 1024, growth, alive);
        assertTrue("heap after GC grew " + growth + " %", growth < 10.0);
        assertEquals("class loaders of removed versions still reachable", 0, alive);
        shell("congso:plugin-uninstall --purge --yes-delete-data " + PLUGIN);
    }

    /** Installs and uninstalls the plugin once through the service; returns its class loader, weakly. */
    private WeakReference<ClassLoader> round(String jar) throws Exception {
        assertStatus("DONE " + PLUGIN + "/1.0.0", shell("congso:plugin-install " + jar));
        Bundle bundle = pluginBundle();
        WeakReference<ClassLoader> loader = new WeakReference<>(bundle.adapt(BundleWiring.class).getClassLoader());
        assertStatus("DONE " + PLUGIN + "/1.0.0", shell("congso:plugin-uninstall " + PLUGIN));
        return loader;
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private long audited(String outcome) throws SQLException {
        return count("SELECT COUNT(*) FROM audit_log WHERE actor = 'console:itest' AND action LIKE 'plugin.%' AND outcome = '"
                + outcome + "'");
    }

    private long installRecords() throws SQLException {
        return count("SELECT COUNT(*) FROM plugin_install WHERE bundle_symbolic_name = '" + PLUGIN
                + "' AND action IN ('install', 'upgrade')");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void assertRefusedWithoutChange(String key, String command) throws Exception {
        Map<String, String> before = settledBundles();
        String output = shell(command);
        assertTrue(command + " should be refused with " + key + " but printed: " + output,
                output.contains("REFUSED") && output.contains("[" + key + "]"));
        assertEquals("the installed bundles and their states are unchanged by " + command, before, installedBundles());
    }

    private static void assertStatus(String expected, String output) {
        assertTrue("expected '" + expected + "' in: " + output, output.contains(expected));
    }

    /** The bundles exporting {@code vn.congso.api}, by their wiring. */
    private List<String> apiExporters() {
        List<String> exporters = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring != null && wiring.getCapabilities("osgi.wiring.package").stream()
                    .anyMatch(c -> "vn.congso.api".equals(c.getAttributes().get("osgi.wiring.package")))) {
                exporters.add(b.getSymbolicName());
            }
        }
        return exporters;
    }

    /** Every installed bundle, {@code bsn/version → state}, in a stable order. */
    /**
     * The bundles once the framework has finished starting them: no bundle STARTING and two looks
     * two seconds apart agree (a plugin at a high start level may still be RESOLVED just after the
     * console answers).
     */
    private Map<String, String> settledBundles() throws InterruptedException {
        // First every boot feature installed and started (Karaf's BootFinished service): with every
        // first-party plugin, one plugin's first start holds the next ones at RESOLVED for seconds.
        org.osgi.util.tracker.ServiceTracker<Object, Object> bootFinished;
        try {
            bootFinished = new org.osgi.util.tracker.ServiceTracker<>(bundleContext, bundleContext.createFilter(
                    "(objectClass=org.apache.karaf.features.BootFinished)"), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        bootFinished.open(true);
        try {
            assertTrue("Karaf did not finish installing its boot features", bootFinished.waitForService(120_000) != null);
        } finally {
            bootFinished.close();
        }
        long deadline = System.currentTimeMillis() + 60_000;
        Map<String, String> last = installedBundles();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(2_000);
            Map<String, String> now = installedBundles();
            if (now.equals(last) && !now.containsValue(String.valueOf(Bundle.STARTING)) && !waitingToStart()) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /**
     * Whether a bundle that is to be started is not active yet: the framework's start level is
     * still climbing (with every first-party plugin, one plugin's first start — the services demo's
     * bulk insert — holds the others at RESOLVED for a while, unchanged from one look to the next).
     */
    private boolean waitingToStart() {
        for (Bundle b : bundleContext.getBundles()) {
            boolean fragment = b.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) != null;
            org.osgi.framework.startlevel.BundleStartLevel level = b.adapt(org.osgi.framework.startlevel.BundleStartLevel.class);
            if (!fragment && level != null && level.isPersistentlyStarted() && b.getState() != Bundle.ACTIVE) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> installedBundles() {
        Map<String, String> bundles = new TreeMap<>();
        for (Bundle b : bundleContext.getBundles()) {
            bundles.put(b.getSymbolicName() + "/" + b.getVersion() + "#" + b.getBundleId(), String.valueOf(b.getState()));
        }
        return bundles;
    }

    private List<Bundle> bundles(String bsn) {
        List<Bundle> found = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                found.add(b);
            }
        }
        return found;
    }

    private Bundle pluginBundle() {
        List<Bundle> found = bundles(PLUGIN);
        assertEquals("exactly one " + PLUGIN + " installed", 1, found.size());
        return found.get(0);
    }

    /** Waits until the admin bundle registered its commands. */
    private void awaitCommand() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        String out = "";
        while (System.currentTimeMillis() < deadline) {
            out = shell("congso:plugin-list");
            if (out.contains("Plugin")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("congso:plugin-list did not become available: " + out);
    }

    private String shell(String command) throws Exception {
        return CongSoContainer.shell(sessionFactory, command, "PluginAdminIT");
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
        }
    }

    private String query(String select) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(select);
                ResultSet rs = ps.executeQuery()) {
            assertTrue("no row for " + select, rs.next());
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(String.valueOf(rs.getString(i)));
            }
            return String.join("|", values);
        }
    }

    private long count(String select) throws SQLException {
        return Long.parseLong(query(select));
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private static String requiredFile(String property) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException(property + " must name an existing file, got " + path);
        }
        return path;
    }
}
