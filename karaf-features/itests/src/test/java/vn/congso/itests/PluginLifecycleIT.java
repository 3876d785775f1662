package vn.congso.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Boots the assembled distribution in Pax Exam, then installs, starts and uninstalls the test
 * plugin bundle and checks over Vaadin's HTTP protocol that its route appears and disappears
 * while the shell stays active and nothing is logged at ERROR.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginLifecycleIT {

    static final int HTTP_PORT = 18181;
    static final String PLUGIN_ROUTE = "test-plugin";
    static final String SHELL_BUNDLE = "congso-core-ui";

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        String plugin = CongSoContainer.requiredFile("congso.testplugin.jar");
        List<Option> options = CongSoContainer.options("target/pax-exam",
                new CongSoContainer.Ports(HTTP_PORT, 18101, 11099, 44445));
        options.add(systemProperty("congso.testplugin").value(plugin));
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
