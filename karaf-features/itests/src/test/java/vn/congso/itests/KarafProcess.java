package vn.congso.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The assembled distribution as a real process, for browser tests: unpacked fresh, on its own
 * loopback ports, started with {@code bin/karaf run}, and stopped by its pid.
 */
final class KarafProcess {

    private KarafProcess() {
    }

    /**
     * Unpacks the distribution into an empty {@code home}, sets its ports, starts it and waits
     * until the shell answers HTTP 200.
     *
     * @param zip the distribution zip
     * @param home where to unpack it (deleted first)
     * @param out the file that receives Karaf's console output
     * @param ports the instance's ports
     * @param timeoutMillis how long the first HTTP 200 may take
     * @return the running process
     */
    static Process start(Path zip, Path home, Path out, CongSoContainer.Ports ports, long timeoutMillis)
            throws IOException, InterruptedException {
        deleteTree(home);
        unzipStrippingTopFolder(zip, home);
        setProperty(home.resolve("etc/vn.congso.ui.cfg"), "port", String.valueOf(ports.http()));
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(ports.ssh()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort",
                String.valueOf(ports.rmiRegistry()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort",
                String.valueOf(ports.rmiServer()));

        Files.deleteIfExists(out);
        return launch(home, out, ports.http(), timeoutMillis);
    }

    /**
     * Starts an instance already unpacked in {@code home} (again, after {@link #kill}) and waits
     * until the shell answers HTTP 200; Karaf's console output is appended to {@code out}.
     *
     * @param home the unpacked, configured distribution
     * @param out the file that receives Karaf's console output
     * @param httpPort the instance's HTTP port
     * @param timeoutMillis how long the first HTTP 200 may take
     * @return the running process ({@code bin/karaf run}, the launcher of the Java process)
     */
    static Process launch(Path home, Path out, int httpPort, long timeoutMillis)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "run")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        Map<String, String> env = pb.environment();
        for (String inherited : List.of("KARAF_HOME", "KARAF_BASE", "KARAF_DATA", "KARAF_ETC", "KARAF_LOG")) {
            env.remove(inherited);
        }
        env.put("CONGSO_HTTP_PORT", String.valueOf(httpPort)); // wins over any inherited value
        Process karaf = pb.start();

        String base = "http://127.0.0.1:" + httpPort;
        VaadinHttpProbe probe = new VaadinHttpProbe(base);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (probe.rootStatus() != 200) {
            if (!karaf.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + karaf.exitValue() + "; see " + out);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Karaf did not answer HTTP 200 on " + base + " within "
                        + timeoutMillis / 1000 + " s");
            }
            Thread.sleep(250);
        }
        return karaf;
    }

    /**
     * Kills the Karaf JVM with SIGKILL ({@code kill -9}): no shutdown hook, no bundle stops, no
     * flush. The JVM is the process named in {@code karaf.pid} (Karaf's {@code Main} writes its
     * own pid there), not {@code launcher}, the {@code bin/karaf} shell script that started it.
     *
     * @param home the instance
     * @param launcher the process {@link #launch} returned; it ends when its JVM is gone
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

    /** Stops the instance by the pid in {@code karaf.pid}, then the process and its children. */
    static void stop(Path home, Process karaf) throws Exception {
        Path pidFile = home.resolve("karaf.pid");
        if (Files.isRegularFile(pidFile)) {
            String pidText = Files.readString(pidFile).trim();
            if (!pidText.isEmpty()) {
                Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(pidText));
                if (handle.isPresent()) {
                    stop(handle.get());
                }
            }
        }
        if (karaf != null) {
            for (ProcessHandle child : karaf.descendants().collect(Collectors.toList())) {
                stop(child);
            }
            stop(karaf.toHandle());
        }
    }

    /** SIGTERM, up to 20 s to exit, then SIGKILL. */
    private static void stop(ProcessHandle process) throws Exception {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            process.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    private static void unzipStrippingTopFolder(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? name : name.substring(slash + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                Path target = into.resolve(relative).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> bin = Files.list(into.resolve("bin"))) {
            bin.filter(Files::isRegularFile).forEach(p -> p.toFile().setExecutable(true, false));
        }
    }

    /** Replaces {@code key = value} in a Karaf .cfg file, appending it when absent. */
    private static void setProperty(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.readAllLines(cfg, StandardCharsets.UTF_8);
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*[=:].*")) {
                lines.set(i, key + " = " + value);
                found = true;
            }
        }
        if (!found) {
            lines.add(key + " = " + value);
        }
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }

    /**
     * Prints the ERROR lines of the instance's log, to explain a failure; not an assertion (a
     * browser's push connection cut by a reload makes Atmosphere log errors on Jetty 12).
     *
     * @param test names the test in the output
     */
    static void reportErrorsLogged(Path home, String test) {
        Path log = home.resolve("data/log/karaf.log");
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> errors = lines.filter(l -> l.contains("| ERROR |")).collect(Collectors.toList());
            if (!errors.isEmpty()) {
                System.out.println("[" + test + "] " + errors.size() + " ERROR line(s) in " + log + ":\n"
                        + String.join("\n", errors));
            }
        } catch (IOException e) {
            System.out.println("[" + test + "] no Karaf log: " + e);
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }
}
