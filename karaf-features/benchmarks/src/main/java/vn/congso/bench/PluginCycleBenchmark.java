package vn.congso.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;

/**
 * Plugin install/uninstall cycles against a fresh distribution (issue 12, point 10: 200 cycles,
 * heap after GC within 10 % of the start, no leaked class loaders).
 *
 * <p>Each cycle, through the Karaf console over SSH: {@code congso:plugin-install} of the signed
 * test plugin (the same checks and {@code PluginService.install} as the plugins screen), wait
 * until its route {@code test-plugin} renders its view; {@code congso:plugin-uninstall}, wait
 * until the route shows the not-found view. Before the first cycle, after the 5 warm-up cycles
 * that {@code PluginAdminIT}'s stress test also runs (caches, JIT, Vaadin's route registry),
 * every 50 cycles and at the end, with the plugin uninstalled, it prints:
 * <ul>
 * <li>the heap used after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info});</li>
 * <li>the class loaders that defined a class of the plugin and are still alive after that GC
 * ({@code jcmd VM.classloaders show-classes} lists every live loader with the classes it
 * defined; a removed plugin's loader must be gone, so the goal is 0) — the out-of-process
 * equivalent of {@code PluginAdminIT} keeping a weak reference to each removed version's class
 * loader and counting those not cleared;</li>
 * <li>the live instances of Felix's bundle class loader ({@code BundleWiringImpl$BundleClassLoader},
 * {@code jcmd GC.class_histogram}), which must not grow with the cycles.</li>
 * </ul>
 * The ratio of the end's heap to the start's (after warm-up; goal within 10 %) is printed, and to
 * the heap before any cycle for information.
 *
 * <p>System properties: {@code bench.cycles} (200), {@code bench.closePages} (true; false leaves
 * every page that looked at the route open, each in a session of its own, until the session
 * times out), {@code bench.histogram} (false; true prints the classes whose live instances grew
 * by at least one per cycle), {@code bench.heapdump} (a file: a heap dump at the end),
 * {@code bench.settle} (0; seconds to wait idle after the cycles before a last measurement, which
 * then counts as the end). Arguments: the folder holding
 * congso-distribution.zip and the test plugin jar, and a scratch folder. Run: {@code mvn -B -q
 * install -DskipTests && mvn -B -q -pl karaf-features/benchmarks exec:java
 * -Dbench.main=vn.congso.bench.PluginCycleBenchmark}. The distribution is stopped by its pid at
 * the end.
 */
public final class PluginCycleBenchmark {

    private static final Karaf.Ports PORTS = new Karaf.Ports(18981, 18901, 11991, 44493);
    private static final String PLUGIN = "congso-itests-test-plugin";
    /** The package of the test plugin's classes. */
    private static final String PLUGIN_PACKAGE = "vn.congso.testplugin.";
    private static final String BUNDLE_LOADER = "org.apache.felix.framework.BundleWiringImpl$BundleClassLoader";
    private static final int WARM_UP = 5;
    private static final int EVERY = 50;
    private static final boolean CLOSE_PAGES = Boolean.parseBoolean(System.getProperty("bench.closePages", "true"));

    private PluginCycleBenchmark() {
    }

    /**
     * Runs the cycles.
     *
     * @param args the subjects folder and a scratch folder
     * @throws Exception when the platform cannot be started or a step fails
     */
    public static void main(String[] args) throws Exception {
        int cycles = Integer.getInteger("bench.cycles", 200);
        Path subjects = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath().resolve("plugin-cycles");
        Karaf.deleteTree(work);
        Files.createDirectories(work);
        Path plugin = subjects.resolve(PLUGIN + ".jar");
        Path home = Karaf.unpack(subjects.resolve("congso-distribution.zip"), work);
        String password = Karaf.adminUser(home);
        Karaf.trustTestSigner(home, subjects);

        Process karaf = Karaf.start(home, PORTS);
        VaadinProbe probe = new VaadinProbe("http://127.0.0.1:" + PORTS.http() + "/");
        // One browser whose pages are closed after each look, as a person's would be; with
        // bench.closePages=false each look leaves its page open in a session of its own instead.
        VaadinProbe.Browser browser = probe.new Browser(VaadinProbe.sharedClient());
        Look look = CLOSE_PAGES ? browser::shows : probe::shows;
        try (SshClient client = SshClient.setUpDefaultClient()) {
            // Every boot feature up (the training plugin is the last), so that only the cycles change the heap.
            // Looked at the same way as the cycles do: a page left open here would get every later
            // navigation rebuild queued for a client that never asks for it.
            Karaf.await(() -> probe.status("") == 200, 240_000);
            Karaf.await(() -> look.shows("training/verify/none", "verify-status"), 120_000, 250);
            KarafConsole console = KarafConsole.connect(client, PORTS, password);
            System.out.printf("CongSo plugin install/uninstall cycles: %d cycles of %s (a plugin with a view) through"
                    + " congso:plugin-install/-uninstall, its view looked at by %s; java %s; %d cores%n", cycles, PLUGIN,
                    CLOSE_PAGES ? "a browser that closes each page" : "pages left open, a session each",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.printf("%n  %-22s %10s %14s %20s %12s%n", "after", "heap MB", "vs start", "plugin loaders alive",
                    "bundle CLs");
            Sample initial = sample(home, "no cycle yet", null);
            // The count can see a plugin: while it is installed, its loader is alive.
            install(console, look, plugin);
            System.out.printf("  %-22s %10s %14s %20d%n", "(plugin installed)", "", "", pluginLoaders(home));
            uninstall(console, look);
            for (int i = 1; i < WARM_UP; i++) {
                cycle(console, look, plugin);
            }
            Sample start = sample(home, WARM_UP + " warm-up cycles", null);
            Map<String, long[]> before = Karaf.histogram(home);
            List<Long> millis = new ArrayList<>();
            Sample end = start;
            for (int i = 1; i <= cycles; i++) {
                long t0 = System.nanoTime();
                cycle(console, look, plugin);
                millis.add((System.nanoTime() - t0) / 1_000_000);
                if (i % EVERY == 0 || i == cycles) {
                    end = sample(home, i + " cycles", start);
                }
            }
            int settle = Integer.getInteger("bench.settle", 0);
            if (settle > 0) {
                // What outlives the cycles for good, rather than for a while (idle threads of the
                // console sessions, say, end after their keep-alive).
                Thread.sleep(settle * 1000L);
                end = sample(home, "idle " + settle + " s more", start);
            }
            if (Boolean.getBoolean("bench.histogram")) {
                printGrowth(before, Karaf.histogram(home), cycles);
            }
            String dump = System.getProperty("bench.heapdump", "");
            if (!dump.isEmpty()) {
                Karaf.heapDump(home, Path.of(dump).toAbsolutePath());
            }
            double ratio = (double) end.heap() / start.heap();
            System.out.printf("%nHeap after GC, end / start (after warm-up): %.3f (%+.1f %%; goal within 10 %%)%n", ratio,
                    (ratio - 1) * 100);
            System.out.printf("Heap after GC, end / before any cycle:      %.3f (%+.1f %%)%n",
                    (double) end.heap() / initial.heap(), ((double) end.heap() / initial.heap() - 1) * 100);
            System.out.printf("Class loaders of the removed plugin still alive at the end: %d (goal 0); Felix bundle"
                    + " class loaders %d before the cycles, %d at the end%n", end.pluginLoaders(),
                    start.bundleLoaders(), end.bundleLoaders());
            System.out.printf("One cycle (install to view rendering, uninstall to route gone): median %d ms, max %d ms%n",
                    Karaf.median(millis), millis.stream().mapToLong(Long::longValue).max().orElse(0));
        } finally {
            Karaf.stop(home, karaf, PORTS);
        }
        Karaf.deleteTree(work);
    }

    /** Installs the plugin until its view renders, uninstalls it until its route is gone. */
    private static void cycle(KarafConsole console, Look look, Path plugin) throws Exception {
        install(console, look, plugin);
        uninstall(console, look);
    }

    private static void install(KarafConsole console, Look look, Path plugin) throws Exception {
        PluginAdminBenchmark.expect(console.run("congso:plugin-install " + plugin), "DONE");
        Karaf.await(() -> look.shows("test-plugin", "test-plugin-view"), 30_000);
    }

    private static void uninstall(KarafConsole console, Look look) throws Exception {
        PluginAdminBenchmark.expect(console.run("congso:plugin-uninstall " + PLUGIN), "DONE");
        Karaf.await(() -> look.shows("test-plugin", "not-found-view"), 30_000);
    }

    /** The classes whose live instances grew by at least one per cycle, most first: where to look for a holder. */
    private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int cycles) {
        System.out.printf("%nLive instances grown over the %d cycles by at least one per cycle (jcmd GC.class_histogram)%n",
                cycles);
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0]))
                .filter(e -> e.getValue() >= cycles)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(60)
                .forEach(e -> System.out.printf("  %8d  %6.1f per cycle  %s%n", e.getValue(),
                        (double) e.getValue() / cycles, e.getKey()));
    }

    /** Whether a page of a route renders a component. */
    private interface Look {
        boolean shows(String route, String componentId);
    }

    /** One measurement, with the plugin uninstalled. */
    record Sample(long heap, int pluginLoaders, long bundleLoaders) {
    }

    private static Sample sample(Path home, String label, Sample start) throws Exception {
        long heap = Karaf.heapAfterGc(home);
        int loaders = pluginLoaders(home);
        Map<String, long[]> histogram = Karaf.histogram(home);
        long bundleLoaders = histogram.getOrDefault(BUNDLE_LOADER, new long[1])[0];
        if (heap <= 0 || loaders < 0 || histogram.isEmpty()) {
            throw new IllegalStateException("jcmd gave no heap, class loaders or histogram for the Karaf JVM");
        }
        System.out.printf("  %-22s %10.1f %14s %20d %12d%n", label, heap / 1048576.0,
                start == null ? "" : String.format("%+.1f %%", (heap - start.heap()) * 100.0 / start.heap()), loaders,
                bundleLoaders);
        return new Sample(heap, loaders, bundleLoaders);
    }

    /**
     * The live class loaders that defined at least one class of the plugin's package, from
     * {@code jcmd VM.classloaders show-classes} (taken right after the full GC of
     * {@link Karaf#heapAfterGc}); -1 when jcmd fails.
     */
    static int pluginLoaders(Path home) throws Exception {
        String pid = Files.readString(home.resolve("karaf.pid")).trim();
        Process jcmd = new ProcessBuilder("jcmd", pid, "VM.classloaders", "show-classes").redirectErrorStream(true)
                .start();
        String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0 || !text.contains("+--")) {
            return -1;
        }
        int loaders = 0;
        // Each "+--" line opens one loader's entry; the classes it defined follow until the next one.
        for (String entry : text.split("\\+--")) {
            if (entry.contains(PLUGIN_PACKAGE)) {
                loaders++;
            }
        }
        return loaders;
    }
}
