package vn.congso.admin.internal;

import java.time.Instant;

/**
 * One certificate in the trust store, as the view and {@code congso:trust-list} show it.
 *
 * @param name the file name in the trust store folder (what {@code congso:trust-remove} accepts)
 * @param subject the certificate's subject
 * @param issuer the certificate's issuer
 * @param fingerprint SHA-256 of the certificate, upper-case hex pairs joined by colons
 * @param notAfter the end of its validity
 */
public record TrustedSigner(String name, String subject, String issuer, String fingerprint, Instant notAfter) {

    /**
     * SHA-256 of the repository's test signing certificate ({@code karaf-features/signing/}), whose
     * private key and password are public: trusting it lets anyone sign a plugin.
     */
    public static final String PUBLIC_TEST_CERTIFICATE =
            "C6:52:BB:76:96:0F:F5:1D:AE:06:83:5A:71:A2:C2:42:D8:2B:BF:B8:B0:57:80:41:42:0D:2C:41:11:CD:C6:C4";

    /** @return whether this is the repository's public test certificate, which no real installation may trust */
    public boolean publicTestKey() {
        return PUBLIC_TEST_CERTIFICATE.equals(fingerprint);
    }
}
