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
}
