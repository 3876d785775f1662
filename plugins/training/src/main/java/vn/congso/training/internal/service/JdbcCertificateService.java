package vn.congso.training.internal.service;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.web.PublicLinks;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.store.Jdbc;

/** Certificates: listing, PDF, public verification and revocation. */
@Component(service = CertificateService.class, configurationPid = TrainingConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TrainingConfig.class)
public final class JdbcCertificateService implements CertificateService {

    /** Certificates show dates in the district's time zone. */
    static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String TEMPLATE = "pdf/certificate.xhtml";
    private static final int QR_PIXELS = 110;
    private static final int MAX_REASON = 1000;

    private final Logger log = LoggerFactory.getLogger(JdbcCertificateService.class);
    private final Jdbc jdbc;
    private final Guard guard;
    private final PdfRenderer pdf;
    private final PublicLinks links;
    private final Clock clock;
    private volatile TrainingConfig config;

    /**
     * Creates the service.
     *
     * @param database the platform database, migrated
     * @param users who is asking
     * @param audit the audit log
     * @param pdf the PDF renderer, scoped to this bundle
     * @param links the platform's public links (its configured public base URL)
     * @param config the settings
     */
    @Activate
    public JdbcCertificateService(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit, @Reference PdfRenderer pdf, @Reference PublicLinks links, TrainingConfig config) {
        this(database, users, audit, pdf, links, config, Clock.systemUTC());
    }

    JdbcCertificateService(Database database, CurrentUserService users, AuditLog audit, PdfRenderer pdf,
            PublicLinks links, TrainingConfig config, Clock clock) {
        this.jdbc = new Jdbc(database.dataSource());
        this.guard = new Guard(users, audit);
        this.pdf = pdf;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Takes changed settings (authority, place, signer) without restarting.
     *
     * @param changed the new settings
     */
    @Modified
    void modified(TrainingConfig changed) {
        this.config = changed;
    }

    private static Certificate certificate(ResultSet rs) throws SQLException {
        return new Certificate(rs.getString("code"), rs.getString("username"), rs.getString("holder_name"),
                rs.getString("unit_name"), rs.getLong("exam_id"), Jdbc.nullableLong(rs, "course_id"),
                rs.getString("title"), rs.getDouble("percentage"), Jdbc.instant(rs, "issued_at"),
                Jdbc.instant(rs, "valid_until"), Jdbc.instant(rs, "revoked_at"), rs.getString("revoked_by"),
                rs.getString("revoked_reason"));
    }

    @Override
    public List<Certificate> mine() {
        CurrentUser user = guard.read(TrainingPermissions.EXAM_TAKE, TrainingPermissions.COURSE_ENROL);
        return jdbc.transaction(c -> Jdbc.list(c, "SELECT * FROM trn_certificate WHERE username = ?"
                + " ORDER BY issued_at DESC, id DESC", JdbcCertificateService::certificate, user.id()));
    }

    @Override
    public List<Certificate> ofExam(long examId) {
        guard.read(TrainingPermissions.REPORT_VIEW, TrainingPermissions.CERTIFICATE_REVOKE);
        return jdbc.transaction(c -> Jdbc.list(c, "SELECT * FROM trn_certificate WHERE exam_id = ?"
                + " ORDER BY issued_at DESC, id DESC", JdbcCertificateService::certificate, examId));
    }

    @Override
    public Certificate get(String code) {
        CurrentUser user = guard.read(TrainingPermissions.EXAM_TAKE, TrainingPermissions.COURSE_ENROL,
                TrainingPermissions.REPORT_VIEW, TrainingPermissions.CERTIFICATE_REVOKE);
        boolean anyone = guard.has(TrainingPermissions.REPORT_VIEW, TrainingPermissions.CERTIFICATE_REVOKE);
        String normalised = CertificateIssuer.normalise(code);
        Certificate certificate = normalised == null ? null : jdbc.transaction(c -> find(c, normalised));
        // Someone else's certificate is "not found", not "forbidden": codes are not to be probed.
        if (certificate == null || !(anyone || certificate.username().equals(user.id()))) {
            throw new TrainingException("training.certificate.not-found", String.valueOf(code));
        }
        return certificate;
    }

    private static Certificate find(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM trn_certificate WHERE code = ?", JdbcCertificateService::certificate, code);
    }

    @Override
    public byte[] pdf(String code) {
        Certificate certificate = get(code);
        TrainingConfig settings = config;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", certificate.code());
        data.put("authority", settings.authority());
        data.put("holder", certificate.holderName());
        data.put("unit", certificate.unitName().isEmpty() ? "—" : certificate.unitName());
        data.put("course", certificate.title());
        // a course's certificate is issued on the course's completion; a standalone exam's on passing it
        boolean course = certificate.courseId() != null;
        data.put("subtitle", course ? "Hoàn thành chương trình bồi dưỡng" : "Đạt yêu cầu bài kiểm tra");
        data.put("statement", course ? "đã học đủ các bài và đạt yêu cầu bài kiểm tra, hoàn thành khóa học"
                : "đã đạt yêu cầu bài kiểm tra");
        data.put("result", String.format(Locale.ROOT, "%.1f%%", certificate.percentage()).replace('.', ','));
        data.put("validUntil", certificate.validUntil() == null ? "không thời hạn" : date(certificate.validUntil()));
        data.put("place", settings.place());
        data.put("date", longDate(certificate.issuedAt()));
        data.put("signerTitle", lines(settings.signerTitle()));
        data.put("signerName", settings.signerName().strip());
        String url = verificationUrl(certificate.code());
        data.put("verifyUrl", url);
        data.put("qr", pdf.qrCode(url, QR_PIXELS));
        try {
            return pdf.render(TEMPLATE, data);
        } catch (IOException e) {
            log.error("Certificate {} could not be rendered", certificate.code(), e);
            throw new TrainingException("training.certificate.render-failed", certificate.code());
        }
    }

    /** Configured title lines ({@code a|b}) as escaped XHTML lines. */
    static PdfRenderer.Markup lines(String text) {
        StringBuilder xhtml = new StringBuilder();
        for (String line : text.split("\\|")) {
            if (line.isBlank()) {
                continue;
            }
            if (xhtml.length() > 0) {
                xhtml.append("<br />");
            }
            xhtml.append(line.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\"", "&quot;"));
        }
        return new PdfRenderer.Markup(xhtml.toString());
    }

    /** {@code 27/11/2026} in the district's time zone. */
    static String date(Instant instant) {
        ZonedDateTime local = instant.atZone(DISTRICT_ZONE);
        return String.format(Locale.ROOT, "%02d/%02d/%04d", local.getDayOfMonth(), local.getMonthValue(),
                local.getYear());
    }

    /** {@code ngày 27 tháng 11 năm 2026}, as Vietnamese documents write it. */
    static String longDate(Instant instant) {
        ZonedDateTime local = instant.atZone(DISTRICT_ZONE);
        return String.format(Locale.ROOT, "ngày %02d tháng %02d năm %04d", local.getDayOfMonth(),
                local.getMonthValue(), local.getYear());
    }

    @Override
    public Verification verify(String code) {
        String normalised = CertificateIssuer.normalise(code);
        Certificate certificate = normalised == null ? null : jdbc.transaction(c -> find(c, normalised));
        if (certificate == null) {
            return new Verification(normalised == null ? String.valueOf(code) : normalised, Status.UNKNOWN, "", "", "",
                    null, null, null);
        }
        return new Verification(certificate.code(), certificate.statusAt(clock.instant()), certificate.holderName(),
                certificate.unitName(), certificate.title(), certificate.issuedAt(), certificate.validUntil(),
                certificate.revokedAt());
    }

    @Override
    public void revoke(String code, String reason) {
        CurrentUser user = guard.change("training.certificate.revoke", code, TrainingPermissions.CERTIFICATE_REVOKE);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            guard.refused("training.certificate.revoke", code, "no reason");
            throw new TrainingException("training.certificate.reason-required");
        }
        String normalised = CertificateIssuer.normalise(code);
        jdbc.transaction(c -> {
            Certificate certificate = normalised == null ? null : find(c, normalised);
            if (certificate == null) {
                throw new TrainingException("training.certificate.not-found", String.valueOf(code));
            }
            int changed = Jdbc.update(c, "UPDATE trn_certificate SET revoked_at = ?, revoked_by = ?, revoked_reason = ?"
                    + " WHERE code = ? AND revoked_at IS NULL", clock.instant(), user.id(), why, normalised);
            if (changed == 0) {
                throw new TrainingException("training.certificate.already-revoked", normalised);
            }
            return null;
        });
        guard.done("training.certificate.revoke", normalised, why);
    }

    @Override
    public String verificationUrl(String code) {
        return links.absolute("/" + VERIFY_PATH + "/" + code);
    }
}
