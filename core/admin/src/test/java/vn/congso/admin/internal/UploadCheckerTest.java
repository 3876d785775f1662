package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.admin.internal.DryRun.Kind;

/** The install pipeline up to the dry run, with real fixture jars. */
class UploadCheckerTest {

    @TempDir
    Path work;
    private Path trust;
    private TestJars.Signer trusted;

    @BeforeEach
    void trustOneSigner() throws Exception {
        trust = work.resolve("congso-trust");
        trusted = TestJars.selfSigned("Trusted publisher");
        trusted.trustIn(trust);
    }

    private UploadChecker checker(boolean allowUnsigned, long maxBytes) {
        return new UploadChecker(work.resolve("staging"), maxBytes,
                new SignatureVerifier(new TrustStore(trust), allowUnsigned), List::of,
                ArchiveLimits.defaults(), CorePolicy.standard());
    }

    private Staged check(String name, byte[] bytes) throws Exception {
        return checker(false, 1024 * 1024).check(Kind.INSTALL, name, new ByteArrayInputStream(bytes));
    }

    private String refusal(String name, byte[] bytes) {
        return assertThrows(Refusal.class, () -> check(name, bytes).close()).problem().key();
    }

    private byte[] signedBundle() throws Exception {
        return TestJars.sign(TestJars.bundle(TestJars.headers("com.example.plugin", "1.0.0")), trusted, work);
    }

    @Test
    void acceptsABundleSignedByATrustedPublisher() throws Exception {
        try (Staged staged = check("plugin.jar", signedBundle())) {
            assertEquals(new BundleRef("com.example.plugin", "1.0.0"), staged.plugin().ref());
            assertTrue(staged.dryRun().signer().orElseThrow().contains("Trusted publisher"));
            assertTrue(staged.dryRun().acceptable(), staged.dryRun().refusals().toString());
            assertEquals(List.of(new BundleRef("com.example.plugin", "1.0.0")), staged.dryRun().toInstall());
        }
    }

    @Test
    void acceptsASignerIssuedByATrustedCertificate() throws Exception {
        TestJars.Signer issued = TestJars.issuedBy(trusted, "Department signer");
        byte[] jar = TestJars.sign(TestJars.bundle(TestJars.headers("com.example.plugin", "1.0.0")), issued, work);
        try (Staged staged = check("plugin.jar", jar)) {
            assertTrue(staged.dryRun().signer().orElseThrow().contains("Department signer"));
        }
    }

    @Test
    void refusesRandomBytes() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        assertEquals("plugin.refused.not-a-zip", refusal("random.jar", random));
    }

    @Test
    void refusesATruncatedJar() throws Exception {
        byte[] jar = signedBundle();
        assertEquals("plugin.refused.truncated", refusal("cut.jar", Arrays.copyOf(jar, jar.length / 2)));
    }

    @Test
    void refusesAJarWithoutManifest() throws Exception {
        byte[] zip = TestJars.zip(Map.of("com/example/A.class", new byte[] {1, 2, 3}));
        assertEquals("plugin.refused.no-manifest", refusal("plain.jar", zip));
    }

    @Test
    void refusesAJarWhoseManifestIsNotABundle() throws Exception {
        byte[] jar = TestJars.jar(Map.of("Main-Class", "com.example.Main"), Map.of("a.txt", new byte[] {1}));
        assertEquals("plugin.refused.not-a-bundle", refusal("app.jar", jar));
    }

    @Test
    void refusesAnUnsignedBundle() throws Exception {
        assertEquals("plugin.refused.unsigned",
                refusal("unsigned.jar", TestJars.bundle(TestJars.headers("com.example.plugin", "1.0.0"))));
    }

    @Test
    void acceptsAnUnsignedBundleOnlyWhenConfigured() throws Exception {
        byte[] jar = TestJars.bundle(TestJars.headers("com.example.plugin", "1.0.0"));
        try (Staged staged = checker(true, 1024 * 1024).check(Kind.INSTALL, "unsigned.jar", new ByteArrayInputStream(jar))) {
            assertTrue(staged.dryRun().signer().isEmpty());
        }
    }

    @Test
    void refusesABundleSignedByAnUnknownKey() throws Exception {
        TestJars.Signer stranger = TestJars.selfSigned("Trusted publisher"); // same name, other key
        byte[] jar = TestJars.sign(TestJars.bundle(TestJars.headers("com.example.plugin", "1.0.0")), stranger, work);
        assertEquals("plugin.refused.unknown-signer", refusal("stranger.jar", jar));
    }

    @Test
    void refusesABundleChangedAfterSigning() throws Exception {
        byte[] tampered = TestJars.replaceEntry(signedBundle(), "com/example/Plugin.class",
                "malicious".getBytes(StandardCharsets.UTF_8), false);
        assertEquals("plugin.refused.tampered", refusal("tampered.jar", tampered));
    }

    @Test
    void refusesABundleWithAnEntryAddedAfterSigning() throws Exception {
        byte[] added = TestJars.replaceEntry(signedBundle(), "com/example/Extra.class", new byte[] {9}, true);
        assertEquals("plugin.refused.partly-signed", refusal("added.jar", added));
    }

    @Test
    void refusesAnUploadOverTheLimitWithoutStoringIt() throws Exception {
        byte[] big = new byte[2048];
        Refusal r = assertThrows(Refusal.class,
                () -> checker(false, 1024).check(Kind.INSTALL, "big.jar", new ByteArrayInputStream(big)));
        assertEquals("plugin.refused.too-large", r.problem().key());
        try (var left = Files.list(work.resolve("staging"))) {
            assertEquals(0, left.count(), "nothing is left in the staging area");
        }
    }

    @Test
    void stopsReadingAnEndlessUploadAtTheLimit() {
        long[] read = {0};
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'x');
                read[0] += len;
                return len;
            }
        };
        long mb = 1024 * 1024;
        Refusal r = assertThrows(Refusal.class, () -> checker(false, mb).check(Kind.INSTALL, "endless.jar", endless));
        assertEquals("plugin.refused.too-large", r.problem().key());
        assertTrue(read[0] <= mb + 64 * 1024, "read " + read[0]);
    }

    @Test
    void refusesAKarWithABrokenFeaturesFile() throws Exception {
        byte[] kar = TestJars.zip(Map.of("repository/com/example/plugin/1.0/plugin-1.0-features.xml",
                "<features name='x'><feature name='x'><bundle>mvn:com.example/plugin/1.0".getBytes()));
        assertEquals("plugin.refused.kar-broken-features", refusal("broken.kar", kar));
    }

    @Test
    void acceptsAKarWhoseBundlesAreInsideAndSigned() throws Exception {
        String features = "<features xmlns='http://karaf.apache.org/xmlns/features/v1.6.0' name='x'>"
                + "<feature name='x' version='1.0'><bundle>mvn:com.example/plugin/1.0</bundle></feature></features>";
        byte[] kar = TestJars.zip(Map.of(
                "repository/com/example/plugin/1.0/plugin-1.0-features.xml", features.getBytes(),
                "repository/com/example/plugin/1.0/plugin-1.0.jar", signedBundle()));
        try (Staged staged = check("plugin.kar", kar)) {
            assertEquals("com.example.plugin", staged.plugin().ref().symbolicName());
            assertTrue(staged.dryRun().acceptable());
        }
    }

    @Test
    void refusesAKarNamingABundleItDoesNotCarry() throws Exception {
        String features = "<features name='x'><feature name='x'><bundle>mvn:com.example/absent/1.0</bundle></feature></features>";
        byte[] kar = TestJars.zip(Map.of("repository/com/example/x/1.0/x-1.0-features.xml", features.getBytes()));
        assertEquals("plugin.refused.kar-missing-bundle", refusal("hollow.kar", kar));
    }

    @Test
    void leavesNothingInTheStagingAreaAfterARefusal() throws Exception {
        refusal("unsigned.jar", TestJars.bundle(TestJars.headers("com.example.plugin", "1.0.0")));
        try (var left = Files.list(work.resolve("staging"))) {
            assertFalse(left.findAny().isPresent());
        }
    }
}
