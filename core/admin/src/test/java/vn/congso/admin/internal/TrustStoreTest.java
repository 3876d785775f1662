package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust store as an operator changes it: only one real certificate per file, nothing else. */
class TrustStoreTest {

    @TempDir
    Path work;
    private TrustStore store;
    private Path folder;

    @BeforeEach
    void emptyStore() {
        folder = work.resolve("congso-trust");
        store = new TrustStore(folder);
    }

    private static byte[] pem(TestJars.Signer signer) throws Exception {
        return ("-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(signer.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private String refusal(String name, byte[] bytes) {
        return assertThrows(Refusal.class, () -> store.add(name, new ByteArrayInputStream(bytes))).problem().key();
    }

    @Test
    void aNewStoreTrustsNobody() throws Exception {
        assertEquals(List.of(), store.signers());
        assertFalse(store.trusts(TestJars.selfSigned("Anyone").certificate()));
    }

    @Test
    void addsACertificateUnderANameTakenFromTheCertificateAndTrustsIt() throws Exception {
        TestJars.Signer publisher = TestJars.selfSigned("Sở Tư pháp / Publisher");
        TrustedSigner added = store.add("../../etc/passwd.pem", new ByteArrayInputStream(pem(publisher)));
        assertTrue(added.name().matches("so-tu-phap-publisher-[0-9a-f]{16}\\.pem"), added.name());
        assertTrue(Files.isRegularFile(folder.resolve(added.name())), "written inside the trust store only");
        try (var files = Files.list(work)) {
            assertEquals(List.of(folder), files.toList(), "nothing written outside the trust store");
        }
        assertEquals(TrustStore.fingerprint(publisher.certificate()), added.fingerprint());
        assertEquals(List.of(added), store.signers());
        assertTrue(store.trusts(publisher.certificate()));
        assertEquals("plugin.refused.trust-already", refusal("again.pem", pem(publisher)));
    }

    @Test
    void refusesAPrivateKeyEvenBesideACertificate() throws Exception {
        byte[] key = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded();
        String keyPem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key) + "\n-----END PRIVATE KEY-----\n";
        byte[] both = (new String(pem(TestJars.selfSigned("P")), StandardCharsets.US_ASCII) + keyPem).getBytes();
        assertEquals("plugin.refused.trust-private-key", refusal("bundle.pem", both));
        assertEquals("plugin.refused.trust-private-key", refusal("key.pem", keyPem.getBytes()));
        assertFalse(Files.exists(folder) && Files.list(folder).findAny().isPresent(), "nothing stored");
    }

    @Test
    void refusesWhatIsNotExactlyOneValidCertificate() throws Exception {
        assertEquals("plugin.refused.trust-not-pem", refusal("text.pem", "hello".getBytes()));
        assertEquals("plugin.refused.trust-not-pem", refusal("der.crt", TestJars.selfSigned("D").certificate().getEncoded()));
        assertEquals("plugin.refused.trust-not-a-certificate", refusal("junk.pem",
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".getBytes()));
        byte[] two = (new String(pem(TestJars.selfSigned("A"))) + new String(pem(TestJars.selfSigned("B")))).getBytes();
        assertEquals("plugin.refused.trust-several", refusal("two.pem", two));
        assertEquals("plugin.refused.trust-too-large", refusal("huge.pem", new byte[TrustStore.MAX_PEM_BYTES + 1]));
        assertEquals("plugin.refused.trust-expired", refusal("old.pem", pem(TestJars.expired("Old publisher"))));
        String unterminated = "-----BEGIN CERTIFICATE-----" + " ".repeat(TrustStore.MAX_PEM_BYTES - 40);
        assertEquals("plugin.refused.trust-not-pem", refusal("open.pem", unterminated.getBytes()));
    }

    @Test
    void removesByFileNameOrFingerprintAndThenRefusesTheSigner() throws Exception {
        TestJars.Signer a = TestJars.selfSigned("Publisher A");
        TestJars.Signer b = TestJars.selfSigned("Publisher B");
        TrustedSigner addedA = store.add("a.pem", new ByteArrayInputStream(pem(a)));
        TrustedSigner addedB = store.add("b.pem", new ByteArrayInputStream(pem(b)));

        assertEquals(addedA, store.remove(addedA.name()));
        assertFalse(store.trusts(a.certificate()));
        String prefix = addedB.fingerprint().substring(0, 23).toLowerCase(); // 8 bytes with colons
        assertEquals(addedB, store.remove(prefix));
        assertFalse(store.trusts(b.certificate()));
        assertEquals(List.of(), store.signers());
    }

    @Test
    void neverTakesTheArgumentAsAPath() throws Exception {
        Path outside = Files.writeString(work.resolve("keep.pem"), "not in the store");
        store.add("a.pem", new ByteArrayInputStream(pem(TestJars.selfSigned("A"))));
        for (String hostile : List.of("../keep.pem", work.resolve("keep.pem").toString(), "", "ABCD", "*")) {
            assertEquals("plugin.refused.trust-unknown",
                    assertThrows(Refusal.class, () -> store.remove(hostile)).problem().key(), hostile);
        }
        assertTrue(Files.exists(outside));
        assertEquals(1, store.signers().size());
    }

    @Test
    void recognisesTheRepositorysPublicTestCertificate() throws Exception {
        Path testCertificate = Path.of("../../karaf-features/signing/congso-test-signer.pem");
        TrustedSigner added = store.add("congso-test-signer.pem", Files.newInputStream(testCertificate));
        assertTrue(added.publicTestKey(), added.fingerprint());
        assertFalse(store.add("other.pem", new ByteArrayInputStream(pem(TestJars.selfSigned("Other")))).publicTestKey());
    }
}
