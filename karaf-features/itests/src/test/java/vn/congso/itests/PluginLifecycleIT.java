package vn.congso.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import javax.sql.DataSource;
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

/**
 * Boots the assembled distribution in Pax Exam, then installs, starts and uninstalls the test
 * plugin bundle and checks over Vaadin's HTTP protocol that its route appears and disappears
 * while the shell stays active and nothing is logged at ERROR. The container is the distribution
 * as shipped (its trust store untouched), so it also shows that a fresh installation trusts no
 * signer until the operator adds one.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginLifecycleIT {

    static final int HTTP_PORT = 18181;
    static final String PLUGIN_ROUTE = "test-plugin";
    static final String SHELL_BUNDLE = "congso-core-ui";

    @Inject
    private BundleContext bundleContext;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    @Filter("(osgi.jndi.service.name=congso)")
    private DataSource dataSource;

    @Configuration
    public Option[] config() {
        String plugin = CongSoContainer.requiredFile("congso.testplugin.jar");
        List<Option> options = CongSoContainer.options("target/pax-exam",
                new CongSoContainer.Ports(HTTP_PORT, 18101, 11099, 44445));
        options.add(systemProperty("congso.testplugin").value(plugin));
        options.add(systemProperty("congso.signing.certificate")
                .value(CongSoContainer.requiredFile("congso.signing.certificate")));
        return options.toArray(new Option[0]);
    }

    @Test
    public void pluginRouteFollowsItsBundle() throws Exception {
        assertShellActive();
        VaadinHttpProbe probe = new VaadinHttpProbe("http://127.0.0.1:" + HTTP_PORT);
        assertTrue("the shell did not answer HTTP 200 on / within 60 s", probe.awaitRoot200(60_000));
        CongSoContainer.awaitBootFinished(bundleContext, 120_000);

        String before = probe.navigate(PLUGIN_ROUTE);
        assertTrue("route should be unknown before install: " + VaadinHttpProbe.abbreviate(before),
                before.contains("\"not-found-view\""));
        assertFalse(before.contains("\"test-plugin-view\""));

        String location = "file:" + System.getProperty("congso.testplugin");
        Bundle plugin = bundleContext.installBundle(location);
        try {
            plugin.start();
            assertEquals(Bundle.ACTIVE, plugin.getState());

            String live = probe.awaitNavigateContains(PLUGIN_ROUTE, "\"test-plugin-view\"", 10_000);
            assertTrue("route did not come up within 10 s: " + VaadinHttpProbe.abbreviate(live),
                    live.contains("\"test-plugin-view\""));
            assertShellActive();
        } finally {
            plugin.uninstall();
        }

        String gone = probe.awaitNavigateContains(PLUGIN_ROUTE, "\"not-found-view\"", 10_000);
        assertTrue("route did not go away within 10 s: " + VaadinHttpProbe.abbreviate(gone),
                gone.contains("\"not-found-view\""));
        assertFalse(gone.contains("\"test-plugin-view\""));
        assertShellActive();

        assertNoErrorsLogged();
    }

    /**
     * Issue 12: a fresh installation trusts nobody, so the test plugin (signed with the public
     * test key) is refused; {@code congso:trust-add} makes it installable, {@code trust-remove}
     * refuses it again; every change is audited and every refusal throws.
     */
    @Test
    public void aFreshInstallationTrustsNoSignerUntilTheOperatorAddsOne() throws Exception {
        CongSoContainer.awaitBootFinished(bundleContext, 120_000);
        Path trustStore = Path.of(System.getProperty("karaf.etc"), "congso-trust");
        try (Stream<Path> files = Files.isDirectory(trustStore) ? Files.list(trustStore) : Stream.empty()) {
            List<String> certificates = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".pem") || n.endsWith(".crt")).collect(Collectors.toList());
            assertEquals("a fresh distribution's trust store is empty", List.of(), certificates);
        }
        String plugin = System.getProperty("congso.testplugin");
        String certificate = System.getProperty("congso.signing.certificate");
        long auditedBefore = count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'plugin.trust-%'");

        assertTrue(awaitShell("congso:trust-list").contains("WARNING: no trusted plugin signer"));
        String refused = shell("congso:plugin-install --dry-run " + plugin);
        assertTrue(refused, refused.contains("EXCEPTION") && refused.contains("[plugin.refused.unknown-signer]"));

        String added = shell("congso:trust-add " + certificate);
        assertTrue(added, added.startsWith("DONE") && added.contains("CongSo TEST plugin signer"));
        String listed = shell("congso:trust-list");
        assertTrue(listed, listed.contains("C6:52:BB:76") && !listed.contains("WARNING"));
        String again = shell("congso:trust-add " + certificate);
        assertTrue(again, again.contains("EXCEPTION") && again.contains("[plugin.refused.trust-already]"));

        String installed = shell("congso:plugin-install " + plugin);
        assertTrue(installed, installed.contains("DONE congso-itests-test-plugin/"));
        String removedPlugin = shell("congso:plugin-uninstall congso-itests-test-plugin");
        assertTrue(removedPlugin, removedPlugin.contains("DONE congso-itests-test-plugin/"));

        String removed = shell("congso:trust-remove C6:52:BB:76:96:0F:F5:1D");
        assertTrue(removed, removed.startsWith("DONE"));
        String refusedAgain = shell("congso:plugin-install --dry-run " + plugin);
        assertTrue(refusedAgain, refusedAgain.contains("[plugin.refused.unknown-signer]"));
        String unknown = shell("congso:trust-remove ../vn.congso.admin.cfg");
        assertTrue(unknown, unknown.contains("EXCEPTION") && unknown.contains("[plugin.refused.trust-unknown]"));
        assertTrue("the configuration next to the trust store is untouched",
                Files.isRegularFile(Path.of(System.getProperty("karaf.etc"), "vn.congso.admin.cfg")));

        assertEquals("add, refused add, remove, refused remove are audited", 4,
                count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'plugin.trust-%'") - auditedBefore);
    }

    private String awaitShell(String command) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        String out = shell(command);
        while (out.contains("Command not found") && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            out = shell(command);
        }
        return out;
    }

    private String shell(String command) throws Exception {
        return CongSoContainer.shell(sessionFactory, command, "PluginLifecycleIT");
    }

    private long count(String select) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(select);
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private void assertShellActive() {
        Bundle shell = null;
        for (Bundle b : bundleContext.getBundles()) {
            if (SHELL_BUNDLE.equals(b.getSymbolicName())) {
                shell = b;
            }
        }
        assertNotNull("bundle " + SHELL_BUNDLE + " is not installed", shell);
        assertEquals("bundle " + SHELL_BUNDLE + " state", Bundle.ACTIVE, shell.getState());
    }

    private static void assertNoErrorsLogged() throws Exception {
        Path log = karafLog();
        assertTrue("no Karaf log at " + log, Files.isRegularFile(log));
        List<String> errors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("| ERROR |"))
                .collect(Collectors.toList());
        assertTrue("ERROR lines in " + log + ":\n" + String.join("\n", errors), errors.isEmpty());
    }

    private static Path karafLog() {
        String prop = System.getProperty("karaf.log");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            return Files.isDirectory(p) ? p.resolve("karaf.log") : p;
        }
        return Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
    }
}
