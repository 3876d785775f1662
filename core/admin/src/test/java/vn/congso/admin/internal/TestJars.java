package vn.congso.admin.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds real fixture jars for the tests: bundles, signers (keytool-free), signed and spoiled jars. */
final class TestJars {

    /** A signing key with its certificate. */
    record Signer(PrivateKey key, X509Certificate certificate) {

        /** Writes the certificate as PEM into a folder, as an administrator would. */
        void trustIn(Path folder) throws IOException {
            Files.createDirectories(folder);
            try {
                String pem = "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
                Files.writeString(folder.resolve(certificate.getSerialNumber() + ".pem"), pem);
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IOException(e);
            }
        }
    }

    private TestJars() {
    }

    static Signer selfSigned(String commonName) throws Exception {
        KeyPair pair = ecKeyPair();
        return new Signer(pair.getPrivate(), certificate(commonName, pair, commonName, pair.getPrivate(), true));
    }

    /** A self-signed certificate whose validity ended yesterday. */
    static Signer expired(String commonName) throws Exception {
        KeyPair pair = ecKeyPair();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + commonName),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(30))),
                Date.from(now.minus(Duration.ofDays(1))), new X500Name("CN=" + commonName), pair.getPublic());
        return new Signer(pair.getPrivate(), new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))));
    }

    static Signer issuedBy(Signer issuer, String commonName) throws Exception {
        KeyPair pair = ecKeyPair();
        String issuerName = issuer.certificate().getSubjectX500Principal().getName().replace("CN=", "");
        return new Signer(pair.getPrivate(), certificate(commonName, pair, issuerName, issuer.key(), false));
    }

    /** A bundle jar with the given main manifest headers and one class-like entry. */
    static byte[] bundle(Map<String, String> headers) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("com/example/Plugin.class", "not really a class, but content to sign".getBytes());
        entries.put("OSGI-INF/l10n/plugin.properties", "plugin.title=Plugin\n".getBytes());
        return jar(headers, entries);
    }

    static Map<String, String> headers(String bsn, String version, String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", bsn);
        headers.put("Bundle-Version", version);
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    static byte[] jar(Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip with entries but no manifest. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Signs a jar with the JDK's own jarsigner API. */
    static byte[] sign(byte[] jar, Signer signer, Path work) throws Exception {
        Path in = Files.createTempFile(work, "unsigned-", ".jar");
        Files.write(in, jar);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(in.toFile())) {
            new JarSigner.Builder(signer.key(),
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(signer.certificate())))
                    .digestAlgorithm("SHA-256").signatureAlgorithm("SHA256withECDSA").build().sign(zip, out);
        }
        return out.toByteArray();
    }

    /** Rewrites one entry's content, keeping the signature files: the jar no longer matches its signature. */
    static byte[] replaceEntry(byte[] jar, String name, byte[] content, boolean addInstead) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(!addInstead && e.getName().equals(name) ? content : in.readAllBytes());
                out.closeEntry();
            }
            if (addInstead) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair pair, String issuer, PrivateKey issuerKey,
            boolean ca) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuer),
                BigInteger.valueOf(now.toEpochMilli() ^ subject.hashCode() & 0x7fffffffL),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name("CN=" + subject), pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }
}
