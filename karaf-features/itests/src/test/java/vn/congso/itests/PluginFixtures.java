package vn.congso.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;

/**
 * Builds the bad uploads of PluginAdminIT on the host, before the container starts (the
 * container has no jarsigner API): each file is named for the refusal key it must provoke.
 */
final class PluginFixtures {

    private PluginFixtures() {
    }

    /**
     * Writes every fixture into a folder.
     *
     * @param folder where to write
     * @param v1 the signed sample plugin version 1
     * @param testKeystore the test signing keystore (the test container trusts its certificate; a distribution never does)
     * @param storepass its password
     * @param testPlugin the signed test plugin jar, packed as the good {@code .kar} (key {@code "kar"})
     * @return refusal key (or {@code "kar"}) → fixture file
     */
    static Map<String, Path> build(Path folder, Path v1, Path testKeystore, String storepass, Path testPlugin)
            throws Exception {
        Files.createDirectories(folder);
        Map<String, Path> fixtures = new LinkedHashMap<>();
        byte[] random = new byte[4096];
        new Random(4).nextBytes(random);
        fixtures.put("plugin.refused.not-a-zip", write(folder, "random.jar", random));
        byte[] v1Bytes = Files.readAllBytes(v1);
        fixtures.put("plugin.refused.truncated", write(folder, "truncated.jar", Arrays.copyOf(v1Bytes, v1Bytes.length / 2)));
        fixtures.put("plugin.refused.no-manifest", write(folder, "no-manifest.jar", zip(Map.of("a/B.class", new byte[] {1}))));
        fixtures.put("plugin.refused.unsigned",
                write(folder, "unsigned.jar", bundle("congso-itests-unsigned", "1.0.0")));
        KeyStore.PrivateKeyEntry testKey = key(testKeystore, storepass, "congso-test");
        KeyStore.PrivateKeyEntry strangerKey = key(strangerKeystore(folder), "stranger-pass", "stranger");
        fixtures.put("plugin.refused.unknown-signer",
                write(folder, "unknown-signer.jar", sign(bundle("congso-itests-stranger", "1.0.0"), strangerKey, folder)));
        fixtures.put("plugin.refused.tampered", write(folder, "tampered.jar",
                replace(v1Bytes, "vn/congso/itests/sample/internal/SampleView.class", "changed".getBytes())));
        fixtures.put("plugin.refused.kar-broken-features", write(folder, "broken.kar", zip(Map.of(
                "repository/vn/congso/broken/1.0/broken-1.0-features.xml", "<features name='b'><feature".getBytes()))));
        byte[] big = new byte[2 * 1024 * 1024];
        new Random(5).nextBytes(big);
        fixtures.put("plugin.refused.too-large", write(folder, "big.jar", big));
        fixtures.put("plugin.refused.unresolved", write(folder, "unresolvable.jar", sign(bundle("congso-itests-unresolvable",
                "1.0.0", "Import-Package", "vn.congso.nothing.here;version=\"[1,2)\""), testKey, folder)));
        fixtures.put("plugin.refused.fragment-of-core", write(folder, "core-fragment.jar",
                sign(bundle("congso-itests-core-fragment", "1.0.0", "Fragment-Host", "congso-core-ui"), testKey, folder)));
        // Issue 12: a signed jar exporting the plugin API at version 99 once became its exporter.
        fixtures.put("plugin.refused.package-of-core", write(folder, "api-takeover.jar", sign(bundle("congso-itests-api-takeover",
                "1.0.0", "Export-Package", "vn.congso.api;version=99.0.0", "Import-Package", "vn.congso.api;version=99.0.0"),
                testKey, folder)));
        fixtures.put("plugin.refused.core-name", write(folder, "core-name.jar",
                sign(bundle("congso-core-security", "99.0.0"), testKey, folder)));
        // Core is recognised by its manifest mark, not by its name; core-only packages are not for plugins.
        fixtures.put("plugin.refused.core-bundle", write(folder, "core-marked.jar",
                sign(bundle("congso-itests-core-marked", "1.0.0", "CongSo-Core", "true"), testKey, folder)));
        fixtures.put("plugin.refused.core-package", write(folder, "core-package.jar", sign(bundle("congso-itests-core-package",
                "1.0.0", "Import-Package", "vn.congso.core.spi;resolution:=optional"), testKey, folder)));
        fixtures.put("plugin.refused.zip-overlapping", write(folder, "overlapping.jar", overlapping()));
        fixtures.put("kar", goodKar(folder, testPlugin));
        return fixtures;
    }

    /**
     * The overlapping-entry zip bomb: one stored local entry, listed 200 times by a hand-written
     * central directory that points every record at it.
     */
    private static byte[] overlapping() {
        byte[] data = new byte[4096];
        new Random(6).nextBytes(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        byte[] localName = "vn/congso/itests/bomb/Kernel.class".getBytes();
        java.nio.ByteBuffer local = java.nio.ByteBuffer.allocate(30 + localName.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        local.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0x21).putInt((int) crc.getValue()).putInt(data.length).putInt(data.length)
                .putShort((short) localName.length).putShort((short) 0).put(localName);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(local.array());
        out.writeBytes(data);
        int directoryOffset = out.size();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            byte[] name = ("vn/congso/itests/bomb/E" + i + ".class").getBytes();
            java.nio.ByteBuffer c = java.nio.ByteBuffer.allocate(46 + name.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            c.putInt(0x02014b50).putShort((short) 10).putShort((short) 10).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue()).putInt(data.length)
                    .putInt(data.length).putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(name);
            directory.writeBytes(c.array());
        }
        java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(22).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 200).putShort((short) 200)
                .putInt(directory.size()).putInt(directoryOffset).putShort((short) 0);
        out.writeBytes(directory.toByteArray());
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    /** A good Karaf archive: the signed test plugin and a features file naming it. */
    private static Path goodKar(Path folder, Path testPlugin) throws IOException {
        String version = "0.1.0-SNAPSHOT";
        String base = "repository/vn/congso/congso-itests-test-plugin/" + version + "/congso-itests-test-plugin-" + version;
        String features = "<features xmlns='http://karaf.apache.org/xmlns/features/v1.6.0' name='test-plugin'>"
                + "<feature name='congso-itests-test-plugin' version='" + version + "'>"
                + "<bundle>mvn:vn.congso/congso-itests-test-plugin/" + version + "</bundle></feature></features>";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(base + "-features.xml", features.getBytes());
        entries.put(base + ".jar", Files.readAllBytes(testPlugin));
        return write(folder, "test-plugin.kar", zip(entries));
    }

    private static Path write(Path folder, String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static byte[] bundle(String bsn, String version, String... headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", bsn);
        main.putValue("Bundle-Version", version);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            main.putValue(headers[i], headers[i + 1]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.putNextEntry(new JarEntry("vn/congso/itests/fixture/readme.txt"));
            out.write(("fixture " + bsn).getBytes());
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
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

    /** Copies a jar, changing one entry's content and keeping its signature files. */
    private static byte[] replace(byte[] jar, String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(name) ? content : in.readAllBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] sign(byte[] jar, KeyStore.PrivateKeyEntry key, Path work) throws Exception {
        Path unsigned = Files.createTempFile(work, "unsigned-", ".jar");
        Files.write(unsigned, jar);
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(
                List.of((java.security.cert.X509Certificate) key.getCertificate()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(unsigned.toFile())) {
            new JarSigner.Builder(key.getPrivateKey(), path).build().sign(zip, out);
        }
        Files.delete(unsigned);
        return out.toByteArray();
    }

    private static KeyStore.PrivateKeyEntry key(Path keystore, String password, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey(alias, password.toCharArray());
        Certificate[] chain = store.getCertificateChain(alias);
        return new KeyStore.PrivateKeyEntry(key, chain);
    }

    /** A signer the platform has never seen, made with the JDK's keytool. */
    private static Path strangerKeystore(Path folder) throws Exception {
        Path keystore = folder.resolve("stranger.p12");
        Files.deleteIfExists(keystore);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "stranger-pass",
                "-keypass", "stranger-pass", "-alias", "stranger", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "30", "-dname", "CN=Unknown publisher")
                .redirectErrorStream(true).start();
        try (OutputStream ignored = keytool.getOutputStream()) {
            keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        }
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        return keystore;
    }
}
