package vn.congso.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

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
        // A distribution trusts no signer; this throw-away instance trusts the test key that signed
        // the subjects (karaf-features/signing/, public: never on a real installation).
        Path testCertificate = subjects.resolve("../../../signing/congso-test-signer.pem").normalize();
        Files.createDirectories(home.resolve("etc/congso-trust"));
        Files.copy(testCertificate, home.resolve("etc/congso-trust/congso-test-signer.pem"));
        String password = UUID.randomUUID().toString();
        Files.writeString(home.resolve("etc/users.properties"), "bench = " + password + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n", StandardCharsets.UTF_8);

        Process karaf = Karaf.start(home, PORTS);
        VaadinProbe probe = new VaadinProbe("http://127.0.0.1:" + PORTS.http() + "/");
        try (SshClient client = SshClient.setUpDefaultClient()) {
            Karaf.await(() -> probe.status("") == 200, 180_000);
            // Loopback to an instance this program just started: no host key to check.
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            System.out.printf("CongSo plugin administration benchmark, median of %d (all runs in ms); java %s; %d cores%n",
                    ROUNDS, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            Console console = new Console(client, password);
            // The HTTP shell answers before every bundle has started: wait for the plugin commands.
            Karaf.await(() -> console.answers("congso:plugin-list"), 120_000);
            measure(console, probe, plugin, v2, v3);
        } finally {
            Karaf.stop(home, karaf, PORTS);
        }
        Karaf.deleteTree(work);
    }

    private static void measure(Console session, VaadinProbe probe, Path plugin, Path v2, Path v3)
            throws Exception {
        List<Long> raw = new ArrayList<>();
        List<Long> checked = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            // Interleaved so that both see the same machine conditions.
            Console.Ready install = session.prepare();
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

            Console.Ready checkedInstall = session.prepare();
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
            Console.Ready upgrade = session.prepare();
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

    /** The Karaf console over SSH, one authenticated session per command. */
    private static final class Console {
        private final SshClient client;
        private final String password;

        Console(SshClient client, String password) {
            this.client = client;
            this.password = password;
        }

        /** A session opened and authenticated now, so that timing a command leaves the handshake out. */
        Ready prepare() throws Exception {
            ClientSession session = client.connect("bench", "127.0.0.1", PORTS.ssh())
                    .verify(30, TimeUnit.SECONDS).getSession();
            session.addPasswordIdentity(password);
            session.auth().verify(30, TimeUnit.SECONDS);
            return new Ready(session);
        }

        String run(String command) throws Exception {
            return prepare().run(command);
        }

        boolean answers(String command) {
            try {
                return !run(command).contains("Command not found");
            } catch (Exception e) {
                return false;
            }
        }

        /** An authenticated session waiting for its one command. */
        record Ready(ClientSession session) {
            /** Runs the command in an exec channel, closes the session and returns the output. */
            String run(String command) throws Exception {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (session; ChannelExec channel = session.createExecChannel(command)) {
                    channel.setOut(out);
                    channel.setErr(out);
                    channel.open().verify(30, TimeUnit.SECONDS);
                    channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TimeUnit.SECONDS.toMillis(120));
                }
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static void expect(String output, String expected) {
        if (!output.contains(expected)) {
            throw new IllegalStateException("expected " + expected + " in: " + output);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
