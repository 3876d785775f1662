package vn.congso.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;

/**
 * Plugin administration timings on the assembled distribution, through the Karaf console over
 * SSH (Karaf ends a session after each command, so each command gets a session opened and
 * authenticated before its clock starts), each median of 10:
 * <ol>
 * <li>baseline: Karaf's own {@code bundle:install -s} of the signed test plugin, no checks, to
 * its route rendering its view;</li>
 * <li>{@code congso:plugin-install} of the same file (size, archive, manifest, signature against
 * the trust store, dry run, install, start, health) to its route rendering — the same
 * {@code PluginService.install} the plugins screen calls when the administrator confirms;</li>
 * <li>a failed upgrade (version 3, whose component throws on activation) to the previous version
 * (2) serving its route again after the automatic rollback.</li>
 * </ol>
 * Arguments: the folder holding congso-distribution.zip and the plugin jars, and a scratch folder.
 * Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl karaf-features/benchmarks exec:java
 * -Dexec.mainClass=vn.congso.bench.PluginAdminBenchmark}
 */
public final class PluginAdminBenchmark {

    private static final Karaf.Ports PORTS = new Karaf.Ports(18381, 18301, 11399, 44448);
    private static final int ROUNDS = 10;
    private static final String TEST_PLUGIN = "congso-itests-test-plugin";
    private static final String SAMPLE = "congso-itests-sample-plugin";
    private static final Pattern BUNDLE_ID = Pattern.compile("Bundle ID: (\\d+)");

    private PluginAdminBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the subjects folder and a scratch folder
     * @throws Exception when the platform cannot be started or a step fails
     */
    public static void main(String[] args) throws Exception {
        Path subjects = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath().resolve("plugin-admin");
        Karaf.deleteTree(work);
        Files.createDirectories(work);
        Path plugin = subjects.resolve(TEST_PLUGIN + ".jar");
        Path v2 = subjects.resolve(SAMPLE + "-v2.jar");
        Path v3 = subjects.resolve(SAMPLE + "-v3.jar");
        Path home = Karaf.unpack(subjects.resolve("congso-distribution.zip"), work);
        String password = Karaf.adminUser(home);
        Karaf.trustTestSigner(home, subjects);

        Process karaf = Karaf.start(home, PORTS);
        VaadinProbe probe = new VaadinProbe("http://127.0.0.1:" + PORTS.http() + "/");
        try (SshClient client = SshClient.setUpDefaultClient()) {
            Karaf.await(() -> probe.status("") == 200, 180_000);
            System.out.printf("CongSo plugin administration benchmark, median of %d (all runs in ms); java %s; %d cores%n",
                    ROUNDS, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            KarafConsole console = KarafConsole.connect(client, PORTS, password);
            measure(console, probe, plugin, v2, v3);
        } finally {
            Karaf.stop(home, karaf, PORTS);
        }
        Karaf.deleteTree(work);
    }

    private static void measure(KarafConsole session, VaadinProbe probe, Path plugin, Path v2, Path v3)
            throws Exception {
        List<Long> raw = new ArrayList<>();
        List<Long> checked = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            // Interleaved so that both see the same machine conditions.
            KarafConsole.Ready install = session.prepare();
            long t0 = System.nanoTime();
            String installed = install.run("bundle:install -s file:" + plugin);
            Karaf.await(() -> probe.shows("test-plugin", "test-plugin-view"), 30_000);
            raw.add(millisSince(t0));
            Matcher id = BUNDLE_ID.matcher(installed);
            if (!id.find()) {
                throw new IllegalStateException("bundle:install said: " + installed);
            }
            session.run("bundle:uninstall " + id.group(1));
            Karaf.await(() -> probe.shows("test-plugin", "not-found-view"), 30_000);

            KarafConsole.Ready checkedInstall = session.prepare();
            long t1 = System.nanoTime();
            expect(checkedInstall.run("congso:plugin-install " + plugin), "DONE");
            Karaf.await(() -> probe.shows("test-plugin", "test-plugin-view"), 30_000);
            checked.add(millisSince(t1));
            expect(session.run("congso:plugin-uninstall " + TEST_PLUGIN), "DONE");
            Karaf.await(() -> probe.shows("test-plugin", "not-found-view"), 30_000);
        }
        System.out.printf("  baseline bundle:install -s to route rendering   : %6d ms  %s%n", Karaf.median(raw), raw);
        System.out.printf("  congso:plugin-install (checked) to route        : %6d ms  %s  (target <= 1000)%n",
                Karaf.median(checked), checked);

        expect(session.run("congso:plugin-install " + v2), "DONE");
        Karaf.await(() -> probe.shows("sample-plugin", "sample-plugin-view"), 30_000);
        List<Long> restored = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            KarafConsole.Ready upgrade = session.prepare();
            long t0 = System.nanoTime();
            expect(upgrade.run("congso:plugin-upgrade " + v3), "ROLLED_BACK");
            Karaf.await(() -> probe.shows("sample-plugin", "sample-plugin-view"), 30_000);
            restored.add(millisSince(t0));
            expect(session.run("congso:plugin-list"), SAMPLE);
        }
        System.out.printf("  failed upgrade to previous version serving      : %6d ms  %s  (target <= 3000)%n",
                Karaf.median(restored), restored);
        String list = session.run("congso:plugin-list");
        if (!list.contains("2.0.0")) {
            throw new IllegalStateException("version 2 is not the one installed after the rollbacks: " + list);
        }
    }

    static void expect(String output, String expected) {
        if (!output.contains(expected)) {
            throw new IllegalStateException("expected " + expected + " in: " + output);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
