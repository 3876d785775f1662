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
import vn.congso.api.TranslationService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.text.Formats;
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
    /** The prefix of the certificate's words in {@code OSGI-INF/l10n/training-certificate*.properties}. */
    private static final String WORDS = "training.certificate.pdf.";

    private final Logger log = LoggerFactory.getLogger(JdbcCertificateService.class);
    private final Jdbc jdbc;
    private final Guard guard;
    private final PdfRenderer pdf;
    private final PublicLinks links;
    private final TranslationService translations;
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
     * @param translations the certificate's words in the learner's language
     * @param config the settings
     */
    @Activate
    public JdbcCertificateService(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit, @Reference PdfRenderer pdf, @Reference PublicLinks links,
            @Reference TranslationService translations, TrainingConfig config) {
        this(database, users, audit, pdf, links, translations, config, Clock.systemUTC());
    }

    JdbcCertificateService(Database database, CurrentUserService users, AuditLog audit, PdfRenderer pdf,
            PublicLinks links, TranslationService translations, TrainingConfig config, Clock clock) {
        this.jdbc = new Jdbc(database.dataSource());
        this.guard = new Guard(users, audit);
        this.pdf = pdf;
        this.links = links;
        this.translations = translations;
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
    public byte[] pdf(String code, Locale locale) {
        Certificate certificate = get(code);
        TrainingConfig settings = config;
        Locale language = TranslationService.ENGLISH.getLanguage().equals(locale == null ? "" : locale.getLanguage())
                ? TranslationService.ENGLISH : TranslationService.VIETNAMESE;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lang", language.getLanguage());
        data.put("title", text("title", language, certificate.code()));
        data.put("code", certificate.code());
        data.put("authority", settings.authority());
        data.put("nation", text("nation", language));
        data.put("motto", text("motto", language));
        data.put("heading", text("heading", language));
        // a course's certificate is issued on the course's completion; a standalone exam's on passing it
        String kind = certificate.courseId() != null ? "course" : "exam";
        data.put("subtitle", text("subtitle." + kind, language));
        data.put("certifies", text("holder", language));
        data.put("holder", certificate.holderName());
        data.put("unit", text("unit", language,
                certificate.unitName().isEmpty() ? text("no-unit", language) : certificate.unitName()));
        data.put("statement", text("statement." + kind, language));
        data.put("course", certificate.title());
        data.put("result", text("result", language, Formats.percent(certificate.percentage(), language),
                certificate.validUntil() == null ? text("forever", language)
                        : Formats.date(certificate.validUntil(), language)));
        ZonedDateTime issued = certificate.issuedAt().atZone(DISTRICT_ZONE);
        data.put("placeDate", text("place-date", language, settings.place(), twoDigits(issued.getDayOfMonth()),
                twoDigits(issued.getMonthValue()), String.valueOf(issued.getYear())));
        data.put("signerTitle", lines(settings.signerTitle()));
        data.put("signerName", settings.signerName().strip());
        String url = verificationUrl(certificate.code());
        data.put("codeLabel", text("code", language));
        data.put("verifyAt", text("verify", language, url));
        data.put("qr", pdf.qrCode(url, QR_PIXELS));
        try {
            return pdf.render(TEMPLATE, data);
        } catch (IOException e) {
            log.error("Certificate {} could not be rendered", certificate.code(), e);
            throw new TrainingException("training.certificate.render-failed", certificate.code());
        }
    }

    /** One of the certificate's words ({@code training.certificate.pdf.*}) in the learner's language. */
    private String text(String key, Locale locale, Object... params) {
        return translations.translate(WORDS + key, locale, params);
    }

    private static String twoDigits(int value) {
        return String.format(Locale.ROOT, "%02d", value);
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
