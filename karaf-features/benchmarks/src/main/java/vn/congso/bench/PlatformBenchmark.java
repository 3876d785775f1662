package vn.congso.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Prints, side by side in one run and on the same JVM flags:
 * <ol>
 * <li>cold start (freshly unpacked, empty data/) of bare Karaf 4.4.10 to its SSH port
 * accepting connections, and of the CongSo distribution to the first HTTP 200 of the
 * shell and to its sign-in page rendering, median of 5 each, and the ratios; then each home's
 * second start (database and bundle cache there, as after any restart);</li>
 * <li>{@code feature:install} of a plugin (through Karaf's FeaturesMBean) to its route
 * rendering its view, and {@code feature:uninstall} to the route being gone, median of 10.</li>
 * </ol>
 * Arguments: the folder holding apache-karaf.tar.gz, congso-distribution.zip and the test
 * plugin jar, and a scratch folder.
 */
public final class PlatformBenchmark {

    private static final Karaf.Ports PORTS = new Karaf.Ports(18281, 18201, 11199, 44446);
    private static final int HTTP_PORT = PORTS.http();
    private static final int RMI_REGISTRY_PORT = PORTS.rmiRegistry();
    private static final int RMI_SERVER_PORT = PORTS.rmiServer();
    private static final int STARTS = 5;
    private static final int INSTALLS = 10;

    private PlatformBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path subjects = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        Karaf.deleteTree(work);
        Files.createDirectories(work);
        Path bareArchive = subjects.resolve("apache-karaf.tar.gz");
        Path congsoArchive = subjects.resolve("congso-distribution.zip");
        Path plugin = subjects.resolve("congso-itests-test-plugin.jar");

        System.out.printf("CongSo platform benchmark — %d cold starts each, %d plugin installs%n", STARTS, INSTALLS);
        System.out.printf("JVM flags for both: %s (plus Karaf's defaults); java %s; %d cores%n", Karaf.JAVA_OPTS,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        List<Long> bare = new ArrayList<>();
        List<Long> congso = new ArrayList<>();
        List<Long> signIn = new ArrayList<>();
        List<Long> bareAgain = new ArrayList<>();
        List<Long> congsoAgain = new ArrayList<>();
        List<Long> signInAgain = new ArrayList<>();
        List<Long> checked = new ArrayList<>();
        List<Long> checkedAgain = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            // Interleaved so that both see the same machine conditions; each home is then started
            // a second time, as a server is after every restart (its database and cache exist).
            Path bareHome = Karaf.unpack(bareArchive, work.resolve("bare-" + i));
            bare.add(coldStart(bareHome, false)[0]);
            bareAgain.add(coldStart(bareHome, false)[0]);
            Path congsoHome = Karaf.unpack(congsoArchive, work.resolve("congso-" + i));
            long[] times = coldStart(congsoHome, true);
            congso.add(times[0]);
            signIn.add(times[1]);
            checked.add(times[2]);
            times = coldStart(congsoHome, true);
            congsoAgain.add(times[0]);
            signInAgain.add(times[1]);
            checkedAgain.add(times[2]);
        }
        long bareMedian = Karaf.median(bare);
        long congsoMedian = Karaf.median(congso);
        long signInMedian = Karaf.median(signIn);
        System.out.printf("%nCold start, median of %d (all runs in ms)%n", STARTS);
        System.out.printf("  bare Karaf 4.4.10, to SSH accepting : %6d ms  %s%n", bareMedian, bare);
        System.out.printf("  CongSo, to first HTTP 200 of shell  : %6d ms  %s%n", congsoMedian, congso);
        System.out.printf("  ratio CongSo / bare Karaf           : %6.2f x   (target <= 1.5)%n",
                (double) congsoMedian / bareMedian);
        System.out.printf("  CongSo, to the sign-in page showing : %6d ms  %s  (%.2f x bare Karaf)%n", signInMedian,
                signIn, (double) signInMedian / bareMedian);
        System.out.printf("  CongSo, to sign-ins being checked   : %6d ms  %s  (%.2f x bare Karaf)%n",
                Karaf.median(checked), checked, (double) Karaf.median(checked) / bareMedian);
        long bareAgainMedian = Karaf.median(bareAgain);
        System.out.printf("%nSecond start of the same home, median of %d (all runs in ms)%n", STARTS);
        System.out.printf("  bare Karaf 4.4.10, to SSH accepting : %6d ms  %s%n", bareAgainMedian, bareAgain);
        System.out.printf("  CongSo, to first HTTP 200 of shell  : %6d ms  %s  (%.2f x bare Karaf)%n",
                Karaf.median(congsoAgain), congsoAgain, (double) Karaf.median(congsoAgain) / bareAgainMedian);
        System.out.printf("  CongSo, to the sign-in page showing : %6d ms  %s  (%.2f x bare Karaf)%n",
                Karaf.median(signInAgain), signInAgain, (double) Karaf.median(signInAgain) / bareAgainMedian);
        System.out.printf("  CongSo, to sign-ins being checked   : %6d ms  %s  (%.2f x bare Karaf)%n",
                Karaf.median(checkedAgain), checkedAgain, (double) Karaf.median(checkedAgain) / bareAgainMedian);

        Path home = Karaf.unpack(congsoArchive, work.resolve("congso-install"));
        installLoop(home, plugin, work);
        Karaf.deleteTree(work);
    }

    private static void installLoop(Path home, Path plugin, Path work) throws Exception {
        String password = Karaf.adminUser(home);
        Path features = work.resolve("bench-features.xml");
        Files.writeString(features, "<features name=\"congso-bench\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">"
                + "<feature name=\"congso-testplugin\" version=\"1.0.0\">"
                + "<bundle>" + plugin.toUri() + "</bundle></feature></features>", StandardCharsets.UTF_8);
        Process karaf = Karaf.start(home, PORTS);
        VaadinProbe probe = new VaadinProbe("http://127.0.0.1:" + HTTP_PORT + "/");
        try {
            Karaf.await(() -> probe.status("") == 200, 120_000);
            // Every boot feature up (the training plugin is the last), so the loop measures installs only.
            Karaf.await(() -> probe.shows("training/verify/none", "verify-status"), 180_000);
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + RMI_SERVER_PORT
                    + "/jndi/rmi://127.0.0.1:" + RMI_REGISTRY_PORT + "/karaf-root");
            Map<String, Object> env = new HashMap<>();
            env.put(JMXConnector.CREDENTIALS, new String[] {"bench", password});
            JMXConnector connector = connectWithRetry(url, env);
            try {
                MBeanServerConnection mbeans = connector.getMBeanServerConnection();
                ObjectName featuresMBean = new ObjectName("org.apache.karaf:type=feature,name=root");
                mbeans.invoke(featuresMBean, "addRepository", new Object[] {features.toUri().toString()},
                        new String[] {String.class.getName()});
                List<Long> installs = new ArrayList<>();
                List<Long> uninstalls = new ArrayList<>();
                for (int i = 0; i < INSTALLS; i++) {
                    long t0 = System.nanoTime();
                    mbeans.invoke(featuresMBean, "installFeature", new Object[] {"congso-testplugin"},
                            new String[] {String.class.getName()});
                    Karaf.await(() -> probe.shows("test-plugin", "test-plugin-view"), 30_000);
                    installs.add((System.nanoTime() - t0) / 1_000_000);
                    long t1 = System.nanoTime();
                    mbeans.invoke(featuresMBean, "uninstallFeature", new Object[] {"congso-testplugin"},
                            new String[] {String.class.getName()});
                    Karaf.await(() -> probe.shows("test-plugin", "not-found-view"), 30_000);
                    uninstalls.add((System.nanoTime() - t1) / 1_000_000);
                }
                System.out.printf("%nPlugin feature, median of %d (all runs in ms)%n", INSTALLS);
                System.out.printf("  feature:install to route rendering  : %6d ms  %s  (target <= 1000)%n",
                        Karaf.median(installs), installs);
                System.out.printf("  feature:uninstall to route gone     : %6d ms  %s%n", Karaf.median(uninstalls),
                        uninstalls);
            } finally {
                connector.close();
            }
            long heap = Karaf.heapAfterGc(home);
            if (heap > 0) {
                System.out.printf("%nHeap used by the running platform after GC: %d MB%n", heap / (1024 * 1024));
            }
        } finally {
            Karaf.stop(home, karaf, PORTS);
        }
    }

    private static JMXConnector connectWithRetry(JMXServiceURL url, Map<String, Object> env) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                return JMXConnectorFactory.connect(url, env);
            } catch (IOException | SecurityException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    /**
     * Starts a fresh instance and returns the milliseconds until it is ready: bare Karaf's SSH
     * port accepting; CongSo's first HTTP 200, then its sign-in page rendering (the first moment
     * a person can do anything), then the security service's own screens being there (from then a
     * submitted sign-in is checked at once; before, it waits on the sign-in page).
     */
    private static long[] coldStart(Path home, boolean congso) throws Exception {
        long t0 = System.nanoTime();
        Process karaf = Karaf.start(home, PORTS);
        try {
            VaadinProbe probe = new VaadinProbe("http://127.0.0.1:" + HTTP_PORT + "/");
            BooleanSupplier ready = congso ? () -> probe.status("") == 200 : () -> Karaf.accepts(PORTS.ssh());
            Karaf.await(ready, 180_000);
            long first = (System.nanoTime() - t0) / 1_000_000;
            if (!congso) {
                return new long[] {first, first, first};
            }
            // Asked every 250 ms, not every 20: each try opens a Vaadin page, and a flood of them
            // would slow the boot it measures (a person reloads far less often).
            Karaf.await(() -> probe.shows("login", "login-username"), 180_000, 250);
            long signIn = (System.nanoTime() - t0) / 1_000_000;
            // An administrators' screen, registered with the security service: anonymous visitors
            // are sent to sign in once it is there, and see "the system is starting" before.
            Karaf.await(() -> probe.shows("admin/users", "login-username"), 180_000, 250);
            long checked = (System.nanoTime() - t0) / 1_000_000;
            // Not timed: the rest of the boot (the training plugin is the last), so that a second
            // start of this home finds every first-start task done.
            Karaf.await(() -> probe.shows("training/verify/none", "verify-status"), 180_000, 250);
            return new long[] {first, signIn, checked};
        } finally {
            Karaf.stop(home, karaf, PORTS);
        }
    }
}
