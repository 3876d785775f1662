package vn.congso.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's trusted plugin signers: every PEM certificate ({@code *.pem}, {@code *.crt})
 * in a folder, by default {@code etc/congso-trust/}. A plain folder needs no store password;
 * adding or removing a file takes effect at the next upload. A signer is trusted when its
 * certificate is in the folder or was issued (signed) by one that is.
 */
final class TrustStore {

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
        if (!Files.isDirectory(folder)) {
            return result;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(TrustStore::isCertificateFile).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        result.add((X509Certificate) c);
                    }
                } catch (IOException | CertificateException e) {
                    log.warn("Skipping unreadable trust store file {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list the trust store {}: {}", folder, e.getMessage());
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
                    // same name, different key: not this one
                }
            }
        }
        return false;
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".pem") || name.endsWith(".crt"));
    }
}
