package vn.congso.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
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
 * shell, median of 5 each, and the ratio;</li>
 * <li>{@code feature:install} of a plugin (through Karaf's FeaturesMBean) to its route
 * rendering its view, and {@code feature:uninstall} to the route being gone, median of 10.</li>
 * </ol>
 * Arguments: the folder holding apache-karaf.tar.gz, congso-distribution.zip and the test
 * plugin jar, and a scratch folder.
 */
public final class PlatformBenchmark {

    private static final int HTTP_PORT = 18281;
    private static final int SSH_PORT = 18201;
    private static final int RMI_REGISTRY_PORT = 11199;
    private static final int RMI_SERVER_PORT = 44446;
    private static final String JAVA_OPTS = "-Djava.awt.headless=true";
    private static final int STARTS = 5;
    private static final int INSTALLS = 10;

    private PlatformBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path subjects = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        Path bareArchive = subjects.resolve("apache-karaf.tar.gz");
        Path congsoArchive = subjects.resolve("congso-distribution.zip");
        Path plugin = subjects.resolve("congso-itests-test-plugin.jar");

        System.out.printf("CongSo platform benchmark — %d cold starts each, %d plugin installs%n", STARTS, INSTALLS);
        System.out.printf("JVM flags for both: %s (plus Karaf's defaults); java %s; %d cores%n", JAVA_OPTS,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        List<Long> bare = new ArrayList<>();
        List<Long> congso = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            // Interleaved so that both see the same machine conditions.
            bare.add(coldStart(unpack(bareArchive, work.resolve("bare-" + i)), false));
            congso.add(coldStart(unpack(congsoArchive, work.resolve("congso-" + i)), true));
        }
        long bareMedian = median(bare);
        long congsoMedian = median(congso);
        System.out.printf("%nCold start, median of %d (all runs in ms)%n", STARTS);
        System.out.printf("  bare Karaf 4.4.10, to SSH accepting : %6d ms  %s%n", bareMedian, bare);
        System.out.printf("  CongSo, to first HTTP 200 of shell  : %6d ms  %s%n", congsoMedian, congso);
        System.out.printf("  ratio CongSo / bare Karaf           : %6.2f x   (target <= 1.5)%n",
                (double) congsoMedian / bareMedian);

        Path home = unpack(congsoArchive, work.resolve("congso-install"));
        installLoop(home, plugin, work);
        deleteTree(work);
    }

    private static void installLoop(Path home, Path plugin, Path work) throws Exception {
        String password = UUID.randomUUID().toString();
        Files.writeString(home.resolve("etc/users.properties"), "bench = " + password + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n", StandardCharsets.UTF_8);
        Path features = work.resolve("bench-features.xml");
        Files.writeString(features, "<features name=\"congso-bench\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">"
                + "<feature name=\"congso-testplugin\" version=\"1.0.0\">"
                + "<bundle>" + plugin.toUri() + "</bundle></feature></features>", StandardCharsets.UTF_8);
        Process karaf = start(home);
        VaadinProbe probe = new VaadinProbe("http://127.0.0.1:" + HTTP_PORT + "/");
        try {
            await(() -> probe.status("") == 200, 120_000);
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
                    await(() -> probe.shows("test-plugin", "test-plugin-view"), 30_000);
                    installs.add((System.nanoTime() - t0) / 1_000_000);
                    long t1 = System.nanoTime();
                    mbeans.invoke(featuresMBean, "uninstallFeature", new Object[] {"congso-testplugin"},
                            new String[] {String.class.getName()});
                    await(() -> probe.shows("test-plugin", "not-found-view"), 30_000);
                    uninstalls.add((System.nanoTime() - t1) / 1_000_000);
                }
                System.out.printf("%nPlugin feature, median of %d (all runs in ms)%n", INSTALLS);
                System.out.printf("  feature:install to route rendering  : %6d ms  %s  (target <= 1000)%n",
                        median(installs), installs);
                System.out.printf("  feature:uninstall to route gone     : %6d ms  %s%n", median(uninstalls),
                        uninstalls);
            } finally {
                connector.close();
            }
            long heap = heapAfterGc(home);
            if (heap > 0) {
                System.out.printf("%nHeap used by the running platform after GC: %d MB%n", heap / (1024 * 1024));
            }
        } finally {
            stop(home, karaf);
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

    private static long heapAfterGc(Path home) {
        try {
            String pid = Files.readString(home.resolve("karaf.pid")).trim();
            Process jcmd = new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).start();
            jcmd.getInputStream().readAllBytes();
            jcmd.waitFor(30, TimeUnit.SECONDS);
            Process info = new ProcessBuilder("jcmd", pid, "GC.heap_info").redirectErrorStream(true).start();
            String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor(30, TimeUnit.SECONDS);
            java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(text);
            return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return -1;
        }
    }

    /** Starts a fresh instance and returns the milliseconds until it is ready. */
    private static long coldStart(Path home, boolean congso) throws Exception {
        long t0 = System.nanoTime();
        Process karaf = start(home);
        try {
            VaadinProbe probe = new VaadinProbe("http://127.0.0.1:" + HTTP_PORT + "/");
            BooleanSupplier ready = congso ? () -> probe.status("") == 200 : () -> accepts(SSH_PORT);
            await(ready, 180_000);
            return (System.nanoTime() - t0) / 1_000_000;
        } finally {
            stop(home, karaf);
        }
    }

    private static Process start(Path home) throws IOException {
        configure(home);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "run")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.out").toFile());
        builder.environment().put("JAVA_OPTS", JAVA_OPTS);
        builder.environment().remove("CONGSO_HTTP_PORT");
        return builder.start();
    }

    private static void configure(Path home) throws IOException {
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(SSH_PORT));
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort",
                Integer.toString(RMI_REGISTRY_PORT));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort",
                Integer.toString(RMI_SERVER_PORT));
        Path ui = home.resolve("etc/vn.congso.ui.cfg");
        if (Files.exists(ui)) {
            setProperty(ui, "port", Integer.toString(HTTP_PORT));
        }
    }

    private static void setProperty(Path file, String key, String value) throws IOException {
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        lines.removeIf(line -> line.matches("\\s*" + key + "\\s*=.*"));
        lines.add(key + " = " + value);
        Files.write(file, lines);
    }

    private static void stop(Path home, Process karaf) throws Exception {
        karaf.destroy();
        if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
            karaf.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Path pidFile = home.resolve("karaf.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(handle -> {
                handle.destroy();
                try {
                    handle.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            });
        }
        await(() -> !accepts(SSH_PORT) && !accepts(HTTP_PORT), 30_000);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Timed out after " + timeoutMillis + " ms");
            }
            Thread.sleep(20);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Unpacks a Karaf archive (tar.gz or zip) with the system tools, which keep file modes. */
    private static Path unpack(Path archive, Path target) throws Exception {
        Files.createDirectories(target);
        String name = archive.getFileName().toString();
        List<String> command = name.endsWith(".zip")
                ? List.of("unzip", "-q", archive.toString(), "-d", target.toString())
                : List.of("tar", "xzf", archive.toString(), "-C", target.toString());
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("Cannot unpack " + archive);
        }
        try (Stream<Path> children = Files.list(target)) {
            Path home = children.filter(Files::isDirectory).findFirst().orElse(target);
            try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
                scripts.forEach(script -> script.toFile().setExecutable(true));
            }
            return home;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
