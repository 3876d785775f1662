package vn.congso.training.internal.service;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import vn.congso.api.security.UserDirectory;
import vn.congso.training.internal.store.Jdbc;

/**
 * Issues certificates inside the transaction that grades a passing attempt, so that a passed
 * attempt and its certificate are stored together or not at all.
 */
final class CertificateIssuer {

    /** Upper-case letters and digits without the look-alikes 0/O, 1/I/L. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    /** Characters of a code without dashes: 16 × log2(31) ≈ 79 bits of randomness. */
    static final int LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserDirectory directory;

    CertificateIssuer(UserDirectory directory) {
        this.directory = directory;
    }

    /** A fresh random code, grouped {@code XXXX-XXXX-XXXX-XXXX}. */
    static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * Normalises a code as typed or scanned: upper case, dashes and spaces ignored, then grouped.
     *
     * @param code the code
     * @return the grouped code, or null when it cannot be one
     */
    static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String bare = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (bare.length() != LENGTH || !bare.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
            return null;
        }
        return String.join("-", bare.substring(0, 4), bare.substring(4, 8), bare.substring(8, 12),
                bare.substring(12, 16));
    }

    /**
     * Issues a certificate for a passed attempt unless the learner already holds a valid one for
     * the exam (a new one is issued once the old one has expired or was revoked: re-certification).
     *
     * @return the new code, or null when none was issued
     */
    String issueIfDue(Connection c, long attemptId, long examId, String username, double percentage, Instant now)
            throws SQLException {
        Integer valid = Jdbc.one(c, "SELECT COUNT(*) FROM trn_certificate WHERE exam_id = ? AND username = ?"
                + " AND revoked_at IS NULL AND (valid_until IS NULL OR valid_until > ?)", rs -> rs.getInt(1), examId,
                username, now);
        if (valid != null && valid > 0) {
            return null;
        }
        Object[] exam = Jdbc.one(c, "SELECT e.title, e.course_id, e.certificate_validity_months, c.title AS course_title"
                + " FROM trn_exam e LEFT JOIN trn_course c ON c.id = e.course_id WHERE e.id = ?",
                rs -> new Object[] {rs.getString("title"), Jdbc.nullableLong(rs, "course_id"),
                        rs.getInt("certificate_validity_months"), rs.getString("course_title")}, examId);
        String title = exam[3] != null ? (String) exam[3] : (String) exam[0];
        int months = (Integer) exam[2];
        Instant validUntil = months > 0 ? now.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant() : null;
        UserDirectory.Person person = directory.person(username).orElse(null);
        String holder = person == null ? username : person.fullName();
        String unit = person == null ? "" : unitName(person.unitId());
        String code = newCode();
        Jdbc.update(c, "INSERT INTO trn_certificate (code, username, holder_name, unit_name, exam_id, course_id,"
                + " attempt_id, title, percentage, issued_at, valid_until, unit_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                code, username, holder, unit, examId, Jdbc.bigint((Long) exam[1]), attemptId, title, percentage, now,
                Jdbc.ts(validUntil), person == null || person.unitId() == null ? Jdbc.Null.VARCHAR : person.unitId());
        return code;
    }

    private String unitName(String unitId) {
        return directory.units().stream().filter(u -> u.id().equals(unitId)).map(UserDirectory.Unit::name)
                .findFirst().orElse(unitId == null ? "" : unitId);
    }
}
