package ${package}.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;

/**
 * The plugin in the real platform: Pax Exam boots the CongSo distribution
 * ({@code vn.congso:congso-distribution}, the version this plugin is built against), installs this
 * plugin's Karaf feature as a console's {@code feature:install} would, and checks that the bundle
 * starts, that its screen provider offers the route /${pluginName}, and that the shell adds it.
 *
 * <p>Runs only with {@code mvn -B verify -Pit} (about two minutes: the distribution boots once);
 * a plain {@code mvn install} compiles it and runs the unit tests only. Only one CongSo may run on
 * a machine with the ports below; change them if yours are taken.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginContainerIT {

    /** The route the plugin's screen is registered at. */
    static final String ROUTE = "${pluginName}";
    static final String HTTP_PORT = "18291";
    static final String FEATURE = "${artifactId}";
    static final String BUNDLE = "mvn:${groupId}/${artifactId}/${version}";

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    /** The distribution, unpacked under target/pax-exam, with this plugin's jar and feature in its system repository. */
    @Configuration
    public Option[] config() {
        String karaf = System.getProperty("karaf.version");
        String system = "system/" + "${groupId}".replace('.', '/') + "/${artifactId}/${version}/${artifactId}-${version}";
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration().frameworkUrl("file:" + required("congso.distribution.zip"))
                        .karafVersion(karaf).name("CongSo").unpackDirectory(new File("target/pax-exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                // Ports of its own, loopback only, beside a platform you may be running.
                editConfigurationFilePut("etc/vn.congso.ui.cfg", "port", HTTP_PORT),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "18201"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "11191"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "44591"),
                // Where mvn:${groupId}/${artifactId}/${version} resolves inside the container.
                replaceConfigurationFile(system + ".jar", new File(required("plugin.jar"))),
                replaceConfigurationFile(system + "-features.xml", new File(required("plugin.feature")))));
        // What bin/karaf gives Java 9+ and Pax Exam's runner does not.
        for (String arg : new String[] {"--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED", "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"}) {
            options.add(vmOption(arg));
        }
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null && !localRepository.isBlank()) {
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", localRepository));
        }
        return options.toArray(new Option[0]);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || !new File(value).isFile()) {
            throw new IllegalStateException(property + " must name a file (set by the it profile), was " + value);
        }
        return new File(value).getAbsolutePath();
    }

    @Test
    public void theFeatureInstallsAndTheShellAddsTheScreen() throws Exception {
        awaitService("(objectClass=org.apache.karaf.features.BootFinished)", 180_000);
        features.addRepository(URI.create(BUNDLE + "/xml/features"));
        features.installFeature(FEATURE);

        Bundle plugin = null;
        for (Bundle bundle : context.getBundles()) {
            if (BUNDLE.equals(bundle.getLocation())) {
                plugin = bundle;
            }
        }
        assertNotNull("the feature installed " + BUNDLE, plugin);
        assertEquals("the plugin's bundle is active", Bundle.ACTIVE, plugin.getState());

        // The plugin's screen provider (activated once its services are satisfied) offers the route.
        long bundleId = plugin.getBundleId();
        Object provider = awaitService("(&(objectClass=" + ScreenProvider.class.getName() + ")(service.bundleid="
                + bundleId + "))", 60_000);
        List<String> routes = new ArrayList<>();
        for (Screen<?> screen : ((ScreenProvider) provider).screens()) {
            routes.add(screen.route());
        }
        assertTrue("the provider offers " + ROUTE + ": " + routes, routes.contains(ROUTE));

        // And the shell took it: its log names every route it adds.
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        String added = "Screen '" + ROUTE + "' added by bundle";
        long until = System.currentTimeMillis() + 60_000;
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(added)) {
            assertTrue("the shell did not log \"" + added + "\" within 60 s", System.currentTimeMillis() < until);
            Thread.sleep(500);
        }
    }

    private Object awaitService(String filter, long millis) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        tracker.open(true);
        try {
            Object service = tracker.waitForService(millis);
            assertNotNull("no service " + filter + " within " + millis + " ms", service);
            return service;
        } finally {
            tracker.close();
        }
    }
}
