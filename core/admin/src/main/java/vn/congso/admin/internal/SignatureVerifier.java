package vn.congso.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checks a jar's signature as {@code jarsigner -verify} would, and more strictly: every entry
 * outside {@code META-INF/} must be signed, all by the same certificate, each entry's content
 * must match its signed digest, and that certificate must be trusted by the {@link TrustStore}.
 */
final class SignatureVerifier {

    private final TrustStore trustStore;
    private final boolean allowUnsigned;

    SignatureVerifier(TrustStore trustStore, boolean allowUnsigned) {
        this.trustStore = trustStore;
        this.allowUnsigned = allowUnsigned;
    }

    /**
     * Verifies a jar.
     *
     * @param file the jar
     * @param fileName the name the user gave it
     * @return the signer's certificate, or empty for an unsigned jar when unsigned jars are allowed
     * @throws Refusal {@code plugin.refused.unsigned}, {@code plugin.refused.partly-signed},
     *         {@code plugin.refused.tampered}, {@code plugin.refused.several-signers},
     *         {@code plugin.refused.unknown-signer}, {@code plugin.refused.certificate-expired}
     */
    Optional<X509Certificate> verify(Path file, String fileName) throws Refusal, IOException {
        X509Certificate signer = null;
        boolean unsignedEntry = false;
        try (JarFile jar = new JarFile(file.toFile(), true)) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                // Reading the whole entry is what makes JarFile compare it with the signed digest.
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (SecurityException e) {
                    throw new Refusal("plugin.refused.tampered", fileName, entry.getName());
                }
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsignedEntry = true;
                    continue;
                }
                if (signers.length > 1) {
                    throw new Refusal("plugin.refused.several-signers", fileName, entry.getName());
                }
                X509Certificate entrySigner = (X509Certificate) signers[0].getSignerCertPath().getCertificates().get(0);
                if (signer == null) {
                    signer = entrySigner;
                } else if (!signer.equals(entrySigner)) {
                    throw new Refusal("plugin.refused.several-signers", fileName, entry.getName());
                }
            }
        } catch (SecurityException e) {
            // The signature block itself does not match the manifest.
            throw new Refusal("plugin.refused.tampered", fileName, String.valueOf(e.getMessage()));
        }
        if (signer == null) {
            if (allowUnsigned) {
                return Optional.empty();
            }
            throw new Refusal("plugin.refused.unsigned", fileName);
        }
        if (unsignedEntry) {
            throw new Refusal("plugin.refused.partly-signed", fileName);
        }
        if (!trustStore.trusts(signer)) {
            throw new Refusal("plugin.refused.unknown-signer", fileName, signer.getSubjectX500Principal().getName());
        }
        try {
            signer.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new Refusal("plugin.refused.certificate-expired", fileName, signer.getSubjectX500Principal().getName());
        }
        return Optional.of(signer);
    }
}
