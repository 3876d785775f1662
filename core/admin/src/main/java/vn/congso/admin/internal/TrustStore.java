package vn.congso.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's trusted plugin signers: every PEM certificate ({@code *.pem}, {@code *.crt})
 * in a folder, by default {@code etc/congso-trust/}. A plain folder needs no store password;
 * adding or removing a file takes effect at the next upload. A signer is trusted when its
 * certificate is in the folder or was issued (signed) by one that is.
 *
 * <p>A new installation's folder is empty: only certificates the operator adds (with
 * {@link #add}, behind {@code congso:trust-add} and the plugins screen, or by copying a file) are
 * trusted. {@link #add} accepts exactly one X.509 certificate in PEM form, never a private key,
 * and names the file after the certificate itself, never after anything the caller supplies.
 */
final class TrustStore {

    /** The largest PEM file accepted; a certificate is a few kilobytes. */
    static final int MAX_PEM_BYTES = 64 * 1024;

    private static final Pattern HEX = Pattern.compile("[0-9A-F]{16,64}");

    private final Logger log = LoggerFactory.getLogger(TrustStore.class);
    private final Path folder;

    TrustStore(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /**
     * The trusted certificates now in the folder; unreadable files are logged and skipped.
     *
     * @return the certificates
     */
    List<X509Certificate> certificates() {
        List<X509Certificate> result = new ArrayList<>();
        for (Entry entry : entries()) {
            result.addAll(entry.certificates());
        }
        return result;
    }

    /**
     * The trusted signers, one per certificate, sorted by file name.
     *
     * @return the signers
     */
    List<TrustedSigner> signers() {
        List<TrustedSigner> result = new ArrayList<>();
        for (Entry entry : entries()) {
            for (X509Certificate certificate : entry.certificates()) {
                result.add(describe(entry.file().getFileName().toString(), certificate));
            }
        }
        return result;
    }

    /**
     * Whether a signer is trusted.
     *
     * @param signer the signing certificate
     * @return {@code true} when it, or its issuer, is in the folder
     */
    boolean trusts(X509Certificate signer) {
        for (X509Certificate trusted : certificates()) {
            if (trusted.equals(signer)) {
                return true;
            }
            if (trusted.getSubjectX500Principal().equals(signer.getIssuerX500Principal())) {
                try {
                    signer.verify(trusted.getPublicKey());
                    return true;
                } catch (GeneralSecurityException e) {
                    log.debug("{} names {} as issuer but was not signed by its key", signer.getSubjectX500Principal(),
                            trusted.getSubjectX500Principal());
                }
            }
        }
        return false;
    }

    /**
     * Adds a certificate to the folder.
     *
     * @param shownName the name the operator gave the file, for messages only
     * @param content the PEM file; read up to {@value #MAX_PEM_BYTES} bytes and one more, not closed
     * @return the signer now trusted
     * @throws Refusal see {@link #parsePem}, and {@code plugin.refused.trust-already} when it is
     *         trusted already
     * @throws IOException when the folder cannot be written
     */
    TrustedSigner add(String shownName, InputStream content) throws Refusal, IOException {
        byte[] bytes = content.readNBytes(MAX_PEM_BYTES + 1);
        if (bytes.length > MAX_PEM_BYTES) {
            throw new Refusal("plugin.refused.trust-too-large", shownName, MAX_PEM_BYTES / 1024);
        }
        X509Certificate certificate = parsePem(shownName, bytes);
        String fingerprint = fingerprint(certificate);
        for (TrustedSigner existing : signers()) {
            if (existing.fingerprint().equals(fingerprint)) {
                throw new Refusal("plugin.refused.trust-already", shownName, existing.name());
            }
        }
        Files.createDirectories(folder);
        String name = fileNameFor(certificate);
        Path target = folder.resolve(name);
        Path temporary = Files.createTempFile(folder, ".adding-", ".tmp");
        try {
            Files.writeString(temporary, pem(certificate), StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return describe(name, certificate);
    }

    /**
     * Removes a trusted certificate's file.
     *
     * @param fingerprintOrName a file name exactly as {@link #signers()} lists it, or the SHA-256
     *        fingerprint (colons and case ignored; a unique prefix of at least 16 hex digits will do)
     * @return the signer removed
     * @throws Refusal {@code plugin.refused.trust-unknown} when nothing matches,
     *         {@code plugin.refused.trust-ambiguous} when several files do
     * @throws IOException when the file cannot be deleted
     */
    TrustedSigner remove(String fingerprintOrName) throws Refusal, IOException {
        String wanted = fingerprintOrName == null ? "" : fingerprintOrName.trim();
        String hex = wanted.replace(":", "").toUpperCase(Locale.ROOT);
        List<Entry> matches = new ArrayList<>();
        List<TrustedSigner> described = new ArrayList<>();
        for (Entry entry : entries()) {
            String name = entry.file().getFileName().toString();
            for (X509Certificate certificate : entry.certificates()) {
                TrustedSigner signer = describe(name, certificate);
                boolean byName = name.equals(wanted);
                boolean byFingerprint = HEX.matcher(hex).matches()
                        && signer.fingerprint().replace(":", "").startsWith(hex);
                if ((byName || byFingerprint) && !matches.contains(entry)) {
                    matches.add(entry);
                    described.add(signer);
                }
            }
        }
        if (matches.isEmpty()) {
            throw new Refusal("plugin.refused.trust-unknown", wanted);
        }
        if (matches.size() > 1) {
            throw new Refusal("plugin.refused.trust-ambiguous", wanted, matches.size());
        }
        // The path comes from listing the folder, never from the caller's text.
        Files.delete(matches.get(0).file());
        return described.get(0);
    }

    /**
     * Reads exactly one X.509 certificate from PEM text.
     *
     * @param shownName the file's name, for messages
     * @param bytes the file
     * @return the certificate
     * @throws Refusal {@code plugin.refused.trust-private-key} when the file holds a private key
     *         (a key must never be copied to a server that only verifies),
     *         {@code plugin.refused.trust-not-pem} when it holds no certificate block,
     *         {@code plugin.refused.trust-several} when it holds more than one,
     *         {@code plugin.refused.trust-not-a-certificate} when the block is not an X.509
     *         certificate, {@code plugin.refused.trust-expired} when it is not valid now
     */
    static X509Certificate parsePem(String shownName, byte[] bytes) throws Refusal {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        // Plain scanning, no regular expression: a hostile file must not cost more than one pass.
        List<String> certificates = new ArrayList<>();
        int at = 0;
        while ((at = text.indexOf("-----BEGIN ", at)) >= 0) {
            int typeEnd = text.indexOf("-----", at + 11);
            if (typeEnd < 0) {
                break;
            }
            String type = text.substring(at + 11, typeEnd);
            String endMarker = "-----END " + type + "-----";
            int end = text.indexOf(endMarker, typeEnd + 5);
            if (type.contains("PRIVATE KEY")) {
                throw new Refusal("plugin.refused.trust-private-key", shownName);
            }
            if (end < 0) {
                break;
            }
            if (type.equals("CERTIFICATE")) {
                certificates.add(text.substring(typeEnd + 5, end));
            }
            at = end + endMarker.length();
        }
        if (text.contains("PRIVATE KEY-----")) {
            throw new Refusal("plugin.refused.trust-private-key", shownName);
        }
        if (certificates.isEmpty()) {
            throw new Refusal("plugin.refused.trust-not-pem", shownName);
        }
        if (certificates.size() > 1) {
            throw new Refusal("plugin.refused.trust-several", shownName, certificates.size());
        }
        X509Certificate certificate;
        try {
            byte[] der = Base64.getMimeDecoder().decode(certificates.get(0));
            Collection<? extends Certificate> parsed = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(der));
            if (parsed.size() != 1 || !(parsed.iterator().next() instanceof X509Certificate x509)) {
                throw new Refusal("plugin.refused.trust-not-a-certificate", shownName, "not one X.509 certificate");
            }
            certificate = x509;
        } catch (IllegalArgumentException | CertificateException e) {
            throw new Refusal("plugin.refused.trust-not-a-certificate", shownName, String.valueOf(e.getMessage()));
        }
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new Refusal("plugin.refused.trust-expired", shownName, certificate.getSubjectX500Principal().getName());
        }
        return certificate;
    }

    /**
     * SHA-256 of a certificate's encoding.
     *
     * @param certificate the certificate
     * @return upper-case hex pairs joined by colons
     */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot compute a certificate fingerprint", e);
        }
    }

    /** {@code <common name, letters and digits only>-<first 16 hex digits of the fingerprint>.pem}. */
    static String fileNameFor(X509Certificate certificate) {
        String commonName = commonName(certificate.getSubjectX500Principal());
        String slug = java.text.Normalizer.normalize(commonName, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D')
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        String hex = fingerprint(certificate).replace(":", "").substring(0, 16).toLowerCase(Locale.ROOT);
        return (slug.isEmpty() ? "signer" : slug) + "-" + hex + ".pem";
    }

    private static String commonName(X500Principal principal) {
        for (String part : principal.getName(X500Principal.RFC2253).split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return "";
    }

    private static String pem(X509Certificate certificate) throws IOException {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    private static TrustedSigner describe(String name, X509Certificate certificate) {
        return new TrustedSigner(name, certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), fingerprint(certificate),
                certificate.getNotAfter().toInstant());
    }

    /** A file of the folder with the certificates it holds. */
    private record Entry(Path file, List<X509Certificate> certificates) {
    }

    private List<Entry> entries() {
        List<Entry> result = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return result;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(TrustStore::isCertificateFile).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    List<X509Certificate> certificates = new ArrayList<>();
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        certificates.add((X509Certificate) c);
                    }
                    result.add(new Entry(file, certificates));
                } catch (IOException | CertificateException e) {
                    log.warn("Skipping unreadable trust store file {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list the trust store {}: {}", folder, e.getMessage());
        }
        return result;
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && !name.startsWith(".")
                && (name.endsWith(".pem") || name.endsWith(".crt"));
    }
}
