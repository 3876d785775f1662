package vn.congso.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Unpacks, configures, starts, measures and stops Karaf instances for the benchmarks. */
final class Karaf {

    /** JVM flags every benchmarked instance gets, on top of Karaf's defaults. */
    static final String JAVA_OPTS = "-Djava.awt.headless=true";

    /** The loopback ports of one instance. */
    record Ports(int http, int ssh, int rmiRegistry, int rmiServer) {
    }

    private Karaf() {
    }

    /** The heap in use after a full GC, via jcmd; -1 when unknown. */
    static long heapAfterGc(Path home) {
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

    /**
     * Writes a dump of the live heap ({@code jcmd GC.heap_dump}) for a closer look at what a
     * measurement counted; failures are printed, not thrown.
     */
    static void heapDump(Path home, Path file) {
        try {
            String pid = Files.readString(home.resolve("karaf.pid")).trim();
            Files.deleteIfExists(file);
            Process jcmd = new ProcessBuilder("jcmd", pid, "GC.heap_dump", file.toString()).redirectErrorStream(true)
                    .start();
            jcmd.getInputStream().readAllBytes();
            jcmd.waitFor(120, TimeUnit.SECONDS);
            System.out.printf("Heap dump: %s (%.1f MB)%n", file, Files.size(file) / 1048576.0);
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.out.println("Heap dump failed: " + e);
        }
    }

    /**
     * The live objects by class after a full GC ({@code jcmd GC.class_histogram}): class name to
     * {instances, bytes}; empty when unknown.
     */
    static java.util.Map<String, long[]> histogram(Path home) {
        java.util.Map<String, long[]> classes = new java.util.HashMap<>();
        try {
            String pid = Files.readString(home.resolve("karaf.pid")).trim();
            Process jcmd = new ProcessBuilder("jcmd", pid, "GC.class_histogram").redirectErrorStream(true).start();
            String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(60, TimeUnit.SECONDS);
            java.util.regex.Matcher row = java.util.regex.Pattern
                    .compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(text);
            while (row.find()) {
                classes.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            classes.clear();
        }
        return classes;
    }

    static Process start(Path home, Ports ports) throws IOException {
        configure(home, ports);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "run")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.out").toFile());
        // -Dbench.karafOpts="-XX:StartFlightRecording=filename=/tmp/k.jfr,settings=profile" profiles the server.
        builder.environment().put("JAVA_OPTS", (JAVA_OPTS + " " + System.getProperty("bench.karafOpts", "")).strip());
        builder.environment().remove("CONGSO_HTTP_PORT");
        return builder.start();
    }

    static void configure(Path home, Ports ports) throws IOException {
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(ports.ssh()));
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort",
                Integer.toString(ports.rmiRegistry()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort",
                Integer.toString(ports.rmiServer()));
        Path ui = home.resolve("etc/vn.congso.ui.cfg");
        if (Files.exists(ui)) {
            setProperty(ui, "port", Integer.toString(ports.http()));
        }
    }

    static void setProperty(Path file, String key, String value) throws IOException {
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        lines.removeIf(line -> line.matches("\\s*" + key + "\\s*=.*"));
        lines.add(key + " = " + value);
        Files.write(file, lines);
    }

    static void stop(Path home, Process karaf, Ports ports) throws Exception {
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
        await(() -> !accepts(ports.ssh()) && !accepts(ports.http()), 30_000);
    }

    /**
     * Kills the Karaf JVM with SIGKILL ({@code kill -9}): no shutdown hook, no bundle stops, no
     * flush. The JVM is the process named in {@code karaf.pid} (Karaf's {@code Main} writes its
     * own pid there), not {@code launcher}, the {@code bin/karaf} script that started it.
     *
     * @return the pid of the JVM that was killed
     */
    static long kill(Path home, Process launcher) throws Exception {
        ProcessHandle jvm = ProcessHandle.of(Long.parseLong(Files.readString(home.resolve("karaf.pid")).trim()))
                .orElseThrow(() -> new IllegalStateException("the pid in karaf.pid is not running"));
        String command = jvm.info().command().orElse("");
        if (jvm.pid() == launcher.pid() || !command.endsWith("java")) {
            throw new IllegalStateException("karaf.pid names " + jvm.pid() + " (" + command
                    + "), not the Karaf JVM started by " + launcher.pid());
        }
        jvm.destroyForcibly(); // SIGKILL on Unix
        jvm.onExit().get(30, TimeUnit.SECONDS);
        launcher.onExit().get(30, TimeUnit.SECONDS);
        return jvm.pid();
    }

    /**
     * Replaces {@code etc/users.properties} with one administrator, {@code bench}, allowed on the
     * console (SSH) and JMX, with a random password.
     *
     * @return the password
     */
    static String adminUser(Path home) throws IOException {
        String password = java.util.UUID.randomUUID().toString();
        Files.writeString(home.resolve("etc/users.properties"), "bench = " + password + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n", StandardCharsets.UTF_8);
        return password;
    }

    /**
     * Makes a throw-away instance trust the TEST key that signed the benchmark's plugins
     * (karaf-features/signing/, public: a distribution trusts no signer until its operator adds
     * one, and must never trust this one).
     *
     * @param home the instance
     * @param subjects the benchmark's subjects folder (target/subjects, beside karaf-features/signing)
     */
    static void trustTestSigner(Path home, Path subjects) throws IOException {
        Path certificate = subjects.resolve("../../../signing/congso-test-signer.pem").normalize();
        Files.createDirectories(home.resolve("etc/congso-trust"));
        Files.copy(certificate, home.resolve("etc/congso-trust/congso-test-signer.pem"));
    }

    /**
     * @param sorted nanoseconds, sorted ascending
     * @param p the percentile, 1 to 100
     * @return the nearest-rank percentile in milliseconds, 0 when there is none
     */
    static double percentileMillis(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void await(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        await(condition, timeoutMillis, 20);
    }

    static void await(BooleanSupplier condition, long timeoutMillis, long intervalMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Timed out after " + timeoutMillis + " ms");
            }
            Thread.sleep(intervalMillis);
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Unpacks a Karaf archive (tar.gz or zip) with the system tools, which keep file modes. */
    static Path unpack(Path archive, Path target) throws Exception {
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

    static void deleteTree(Path root) throws IOException {
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
