package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.admin.internal.DryRun.Kind;

/**
 * Hostile archives, generated: each is refused with its own reason, at its first breach, and
 * (the point of the limits) without inflating what it claims to hold.
 */
class ArchiveInspectorTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path work;

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(work.resolve(name), bytes);
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Inspects a file; returns the refusal key and the bytes the check inflated before it stopped. */
    private record Outcome(String key, long inflated) {
    }

    private Outcome inspect(byte[] archive, ArchiveLimits limits) throws Exception {
        Path file = write("upload.jar", archive);
        InflationBudget budget = new InflationBudget(limits.maxInflatedBytes());
        Refusal r = assertThrows(Refusal.class, () -> ArchiveInspector.requireZip(file, "upload.jar", limits, budget));
        return new Outcome(r.problem().key(), budget.inflated());
    }

    @Test
    void refusesEntriesSharingOneLocalEntryBeforeInflatingAnything() throws Exception {
        // 100 directory records on one 20 MB-of-zeros kernel: ~21 KB claiming 2 GB. Even with the
        // size and ratio limits lifted, the overlap alone refuses it.
        HostileZips.Payload kernel = HostileZips.deflated(new byte[20 * (int) MB]);
        List<String> names = IntStream.range(0, 100).mapToObj(i -> "e" + i + ".class").toList();
        byte[] bomb = HostileZips.sharedData(kernel, names);
        assertTrue(bomb.length < 64 * 1024, "the bomb is small: " + bomb.length);
        Outcome outcome = inspect(bomb, new ArchiveLimits(20_000, Long.MAX_VALUE / 2, Integer.MAX_VALUE));
        assertEquals("plugin.refused.zip-overlapping", outcome.key());
        assertEquals(0, outcome.inflated(), "nothing inflated");
    }

    @Test
    void withTheDefaultsTheOverlappingBombIsRefusedByItsFirstBreach() throws Exception {
        HostileZips.Payload kernel = HostileZips.deflated(new byte[20 * (int) MB]);
        byte[] bomb = HostileZips.sharedData(kernel, IntStream.range(0, 100).mapToObj(i -> "e" + i).toList());
        Outcome outcome = inspect(bomb, ArchiveLimits.defaults());
        assertEquals("plugin.refused.zip-ratio", outcome.key(), "the first entry's 1000:1 ratio is the first breach");
        assertEquals(0, outcome.inflated());
    }

    @Test
    void refusesOverlapOfStoredEntriesThatARatioCannotSee() throws Exception {
        byte[] bomb = HostileZips.sharedData(HostileZips.stored(random(4096, 1)), List.of("a", "b", "c"));
        Outcome outcome = inspect(bomb, ArchiveLimits.defaults());
        assertEquals("plugin.refused.zip-overlapping", outcome.key());
        assertEquals(0, outcome.inflated());
    }

    @Test
    void refusesAHighCompressionRatio() throws Exception {
        byte[] zip = TestJars.zip(Map.of("zeros.bin", new byte[10 * (int) MB]));
        Outcome outcome = inspect(zip, ArchiveLimits.defaults());
        assertEquals("plugin.refused.zip-ratio", outcome.key());
        assertEquals(0, outcome.inflated());
    }

    @Test
    void refusesTooManyEntriesFromTheDirectoryAlone() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i <= 100; i++) {
            entries.put("e" + i, new byte[] {(byte) i});
        }
        Outcome outcome = inspect(TestJars.zip(entries), new ArchiveLimits(100, 256 * MB, 100));
        assertEquals("plugin.refused.zip-too-many-entries", outcome.key());
        assertEquals(0, outcome.inflated());
    }

    @Test
    void refusesATotalInflatedSizeOverTheLimitAtTheEntryThatCrossesIt() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            entries.put("r" + i, random(400 * 1024, i));
        }
        Outcome outcome = inspect(TestJars.zip(entries), new ArchiveLimits(100, MB, 100));
        assertEquals("plugin.refused.zip-too-large-inflated", outcome.key());
        assertEquals(0, outcome.inflated());
    }

    @Test
    void stopsAnEntryThatInflatesBeyondItsDeclaredSize() throws Exception {
        // The directory says 1,000 bytes; the data inflates to 50 MB.
        HostileZips.Payload liar = HostileZips.declaring(HostileZips.deflated(new byte[50 * (int) MB]), 1000);
        Outcome outcome = inspect(HostileZips.entries(List.of("liar.bin"), List.of(liar)), ArchiveLimits.defaults());
        assertEquals("plugin.refused.zip-size-mismatch", outcome.key());
        assertTrue(outcome.inflated() <= 1000, "stopped at the declared size, inflated " + outcome.inflated());
    }

    @Test
    void sharesOneBudgetAcrossTheArchivesOfAnUpload() throws Exception {
        InflationBudget budget = new InflationBudget(600 * 1024);
        ArchiveLimits limits = new ArchiveLimits(100, 600 * 1024, 100);
        Path first = write("a.jar", TestJars.zip(Map.of("r", random(400 * 1024, 7))));
        Path second = write("b.jar", TestJars.zip(Map.of("r", random(400 * 1024, 8))));
        ArchiveInspector.requireZip(first, "a.jar", limits, budget);
        Refusal r = assertThrows(Refusal.class, () -> ArchiveInspector.requireZip(second, "b.jar", limits, budget));
        assertEquals("plugin.refused.zip-too-large-inflated", r.problem().key());
        assertTrue(budget.inflated() <= 600 * 1024 + 64 * 1024, "stopped at the first chunk over: " + budget.inflated());
    }

    @Test
    void acceptsAnOrdinaryJar() throws Exception {
        Path jar = write("ok.jar", TestJars.bundle(TestJars.headers("com.example.ok", "1.0.0")));
        InflationBudget budget = new InflationBudget(MB);
        ArchiveInspector.requireZip(jar, "ok.jar", ArchiveLimits.defaults(), budget);
        assertTrue(budget.inflated() > 0);
    }

    @Test
    void theUploadCheckRefusesTheBombAndLeavesNothingBehind() throws Exception {
        Path trust = work.resolve("trust");
        TestJars.selfSigned("T").trustIn(trust);
        UploadChecker checker = new UploadChecker(work.resolve("staging"), 50 * MB,
                new SignatureVerifier(new TrustStore(trust), false), List::of, ArchiveLimits.defaults(),
                CorePolicy.standard());
        byte[] bomb = HostileZips.sharedData(HostileZips.stored(random(4096, 3)),
                new ArrayList<>(List.of("META-INF/MANIFEST.MF", "x", "y")));
        Refusal r = assertThrows(Refusal.class,
                () -> checker.check(Kind.INSTALL, "bomb.jar", new ByteArrayInputStream(bomb)).close());
        assertEquals("plugin.refused.zip-overlapping", r.problem().key());
        try (var left = Files.list(work.resolve("staging"))) {
            assertFalse(left.findAny().isPresent());
        }
    }
}
