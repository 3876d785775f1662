package vn.congso.training.internal.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import vn.congso.training.internal.TrainingException;

/**
 * Certificates earned by passing an exam. Each has a unique, unguessable code printed on the PDF
 * with a QR code that opens the public verification page {@code <base URL>/training/verify/<code>},
 * which needs no login.
 *
 * <p>A learner sees and downloads their own certificates ({@link TrainingPermissions#EXAM_TAKE});
 * everyone's need {@link TrainingPermissions#REPORT_VIEW}; revoking needs
 * {@link TrainingPermissions#CERTIFICATE_REVOKE} and is audited. {@link #verify} is public.
 */
public interface CertificateService {

    /** Path of the public verification page, followed by {@code /<code>}. */
    String VERIFY_PATH = "training/verify";

    /** What the verification page says. */
    enum Status {
        /** Issued, not revoked, not expired. */
        VALID,
        /** Its validity period is over. */
        EXPIRED,
        /** A trainer revoked it. */
        REVOKED,
        /** No certificate has this code. */
        UNKNOWN
    }

    /**
     * A certificate.
     *
     * @param code the unique code, 16 characters from an alphabet without look-alikes, grouped
     *     as {@code XXXX-XXXX-XXXX-XXXX}
     * @param username the holder's account
     * @param holderName the holder's full name at issue time
     * @param unitName the holder's unit at issue time
     * @param examId the exam passed
     * @param courseId the exam's course, or null for a standalone exam
     * @param title the course title (or the exam title for a standalone exam)
     * @param percentage the result that earned it
     * @param issuedAt when it was issued
     * @param validUntil when it expires, or null when it never does
     * @param revokedAt when it was revoked, or null
     * @param revokedBy who revoked it, or null
     * @param revokedReason why, or null
     */
    record Certificate(String code, String username, String holderName, String unitName, long examId,
            Long courseId, String title, double percentage, Instant issuedAt, Instant validUntil,
            Instant revokedAt, String revokedBy, String revokedReason) {

        /**
         * The certificate's status.
         *
         * @param now the server's time
         * @return {@link Status#REVOKED}, {@link Status#EXPIRED} or {@link Status#VALID}
         */
        public Status statusAt(Instant now) {
            if (revokedAt != null) {
                return Status.REVOKED;
            }
            return validUntil != null && !now.isBefore(validUntil) ? Status.EXPIRED : Status.VALID;
        }
    }

    /**
     * What the public verification page shows; holder and course are empty for an unknown code.
     *
     * @param code the code asked about, normalised (upper case, grouped)
     * @param status the answer
     * @param holderName the holder's name, or empty
     * @param unitName the holder's unit, or empty
     * @param title the course (or exam) title, or empty
     * @param issuedAt when it was issued, or null
     * @param validUntil when it expires, or null
     * @param revokedAt when it was revoked, or null
     */
    record Verification(String code, Status status, String holderName, String unitName, String title,
            Instant issuedAt, Instant validUntil, Instant revokedAt) {
    }

    /**
     * The caller's certificates, newest first.
     *
     * @return the certificates
     */
    List<Certificate> mine();

    /**
     * Every certificate of an exam, newest first (report viewers).
     *
     * @param examId the exam
     * @return the certificates
     */
    List<Certificate> ofExam(long examId);

    /**
     * One certificate: the caller's own, or anyone's for report viewers.
     *
     * @param code the code, any case, with or without dashes
     * @return the certificate
     * @throws TrainingException {@code training.certificate.not-found}
     */
    Certificate get(String code);

    /**
     * The certificate as a PDF (A4 landscape), same access as {@link #get}.
     *
     * @param code the code
     * @param locale the learner's language: every word on it is from
     *     {@code OSGI-INF/l10n/training-certificate*.properties} (Vietnamese unless English)
     * @return the PDF bytes
     * @throws TrainingException {@code training.certificate.not-found}, {@code training.certificate.render-failed}
     */
    byte[] pdf(String code, Locale locale);

    /**
     * Checks a code; needs no login and reveals nothing but what the certificate shows.
     *
     * @param code the code as typed or scanned, any case, with or without dashes
     * @return the verification; {@link Status#UNKNOWN} for a code that does not exist or is malformed
     */
    Verification verify(String code);

    /**
     * Revokes a certificate.
     *
     * @param code the code
     * @param reason why, required
     * @throws TrainingException {@code training.certificate.reason-required},
     *     {@code training.certificate.already-revoked}, {@code training.certificate.not-found}
     */
    void revoke(String code, String reason);

    /**
     * The public verification URL of a code, as printed in the QR code; its base is the
     * platform's public base URL ({@code vn.congso.ui} {@code publicBaseUrl}, see
     * {@link vn.congso.api.web.PublicLinks}).
     *
     * @param code the code
     * @return the URL
     */
    String verificationUrl(String code);
}
