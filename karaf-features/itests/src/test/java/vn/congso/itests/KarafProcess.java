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

        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "run")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        Map<String, String> env = pb.environment();
        for (String inherited : List.of("KARAF_HOME", "KARAF_BASE", "KARAF_DATA", "KARAF_ETC", "KARAF_LOG")) {
            env.remove(inherited);
        }
        env.put("CONGSO_HTTP_PORT", String.valueOf(ports.http())); // wins over any inherited value
        Process karaf = pb.start();

        String base = "http://127.0.0.1:" + ports.http();
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
