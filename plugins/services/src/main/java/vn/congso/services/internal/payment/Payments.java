package vn.congso.services.internal.payment;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.Formats;
import vn.congso.api.units.OrgUnit;
import vn.congso.api.units.UnitDirectory;
import vn.congso.services.internal.Jdbc;
import vn.congso.services.internal.ServicesConfig;
import vn.congso.services.internal.ServicesPermissions;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.DossierService;
import vn.congso.services.internal.dossier.Status;
import vn.congso.services.internal.dossier.WorkflowException;
import vn.congso.services.payment.PaymentProvider;

/**
 * A dossier's fee, paid once: in cash at the counter (the officer types the amount in the page's
 * numbers, "50.000" in Vietnamese being fifty thousand) or online through a {@link PaymentProvider}
 * (the procedure's fee amount in the catalogue). Each payment gets an e-receipt (PDF) and is audited; the share
 * of payments made without cash is an indicator.
 */
@Component(service = Payments.class, configurationPid = ServicesConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class Payments {

    /** The method of a payment at the counter. */
    public static final String CASH = "cash";
    /** The largest amount accepted (100 million đồng): a typo of three zeros is refused, not recorded. */
    public static final long MAX_AMOUNT = vn.congso.services.internal.catalogue.Fees.MAX;
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final String COLUMNS = "id, dossier_id, receipt_no, amount_vnd, pay_method, provider, pay_reference, "
            + "recorded_by, paid_at";

    /**
     * A recorded payment.
     *
     * @param id its id
     * @param dossierId the dossier
     * @param receiptNo the e-receipt's number
     * @param amountVnd the amount in đồng
     * @param method {@value #CASH} or a {@link PaymentProvider.Method#code()}
     * @param provider the provider's id, empty for cash
     * @param reference the provider's reference, empty for cash
     * @param recordedBy who recorded it (the officer, or the citizen online)
     * @param paidAt when
     */
    public record Payment(long id, long dossierId, String receiptNo, long amountVnd, String method, String provider,
            String reference, String recordedBy, Instant paidAt) {
        /** @return whether it was paid without cash */
        public boolean cashless() {
            return !CASH.equals(method);
        }
    }

    /**
     * Payments of a period.
     *
     * @param payments how many
     * @param cashless of which without cash
     */
    public record Share(long payments, long cashless) {
    }

    private final DataSource dataSource;
    private final CurrentUserService users;
    private final AuditLog audit;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final PdfRenderer pdf;
    private final UnitDirectory units;
    private final String authority;
    private final Clock clock;
    private final List<PaymentProvider> providers = new CopyOnWriteArrayList<>();

    /**
     * @param database the platform database
     * @param users who records
     * @param audit the audit log
     * @param dossiers the dossiers (and who may see them)
     * @param catalogue the published fees
     * @param pdf the e-receipt's renderer
     * @param units unit names
     * @param config the authority printed on the receipt
     */
    @Activate
    public Payments(@Reference Database database, @Reference CurrentUserService users, @Reference AuditLog audit,
            @Reference DossierService dossiers, @Reference ProcedureCatalogue catalogue, @Reference PdfRenderer pdf,
            @Reference UnitDirectory units, ServicesConfig config) {
        this(database.dataSource(), users, audit, dossiers, catalogue, pdf, units, config.authority(),
                Clock.systemUTC());
    }

    Payments(DataSource dataSource, CurrentUserService users, AuditLog audit, DossierService dossiers,
            ProcedureCatalogue catalogue, PdfRenderer pdf, UnitDirectory units, String authority, Clock clock) {
        this.dataSource = dataSource;
        this.users = users;
        this.audit = audit;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.pdf = pdf;
        this.units = units;
        this.authority = authority;
        this.clock = clock;
    }

    /** @param provider a payment provider that arrived */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(PaymentProvider provider) {
        providers.add(provider);
    }

    /** @param provider a payment provider that left */
    void removeProvider(PaymentProvider provider) {
        providers.remove(provider);
    }

    /** @return the payment providers now registered, by id */
    public List<PaymentProvider> providers() {
        List<PaymentProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparing(PaymentProvider::id));
        return sorted;
    }

    /**
     * The fee a procedure's catalogue entry sets, in đồng (its amount, not its published text); 0 when
     * none is set ("Miễn lệ phí", "Không", "Theo quy định của Hội đồng nhân dân tỉnh": typed at the counter).
     *
     * @param procedureCode the procedure
     * @return the amount in đồng
     */
    public long publishedFee(String procedureCode) {
        return catalogue.get(procedureCode).map(Procedure::feeVnd).orElse(0L);
    }

    /**
     * A dossier's payment, for whoever may see the dossier.
     *
     * @param dossierId the dossier
     * @return the payment, empty when none or the dossier is not visible
     */
    public Optional<Payment> paymentOf(long dossierId) {
        if (dossiers.get(dossierId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Jdbc.transaction(dataSource, c -> Jdbc.one(c,
                "SELECT " + COLUMNS + " FROM svc_payment WHERE dossier_id = ?", Payments::payment, dossierId)));
    }

    /**
     * Records a cash payment at the counter.
     *
     * @param dossierId the dossier, of the officer's unit
     * @param amountText the amount as typed, in the page's numbers
     * @param locale the page's language
     * @return the payment
     * @throws AccessDeniedException without {@code services:dossier:receive}
     * @throws WorkflowException for an unreadable or out-of-range amount, a dossier not found,
     *         closed or paid already; nothing is recorded
     */
    public Payment recordCash(long dossierId, String amountText, Locale locale) {
        CurrentUser user = users.current();
        String target = String.valueOf(dossierId);
        if (!user.isAuthenticated() || !user.isPermitted(ServicesPermissions.RECEIVE)) {
            audit.record("services.payment.cash", target, Outcome.DENIED, "missing " + ServicesPermissions.RECEIVE);
            throw new AccessDeniedException(ServicesPermissions.RECEIVE);
        }
        long amount = amount(amountText, locale, target, "services.payment.cash");
        Dossier d = payable(dossierId, target, "services.payment.cash");
        return record(d, amount, CASH, "", "", user.id(), "services.payment.cash");
    }

    /**
     * Pays a dossier's published fee online, as its owner, through a provider.
     *
     * @param dossierId the dossier, the current user's own
     * @param providerId the provider
     * @param method the method chosen among the provider's
     * @param reference what the citizen typed for the provider
     * @return the payment
     * @throws AccessDeniedException without {@code services:dossier:submit}
     * @throws WorkflowException when the dossier is not the user's, closed, paid already or free, the
     *         provider is gone, or the provider refuses; nothing is recorded
     */
    public Payment payOnline(long dossierId, String providerId, PaymentProvider.Method method, String reference) {
        CurrentUser user = users.current();
        String target = String.valueOf(dossierId);
        if (!user.isAuthenticated() || !user.isPermitted(ServicesPermissions.SUBMIT)) {
            audit.record("services.payment.online", target, Outcome.DENIED, "missing " + ServicesPermissions.SUBMIT);
            throw new AccessDeniedException(ServicesPermissions.SUBMIT);
        }
        Dossier d = payable(dossierId, target, "services.payment.online");
        if (!d.applicant().equals(user.id())) {
            throw refused("services.payment.online", target, "services.payment.not-found");
        }
        long fee = publishedFee(d.procedureCode());
        if (fee <= 0) {
            throw refused("services.payment.online", target, "services.payment.free");
        }
        PaymentProvider provider = providers.stream().filter(p -> p.id().equals(providerId)).findFirst()
                .orElseThrow(() -> refused("services.payment.online", target, "services.payment.provider-unknown"));
        PaymentProvider.Confirmation confirmed;
        try {
            confirmed = provider.confirm(new PaymentProvider.Request(d.code(), fee, method,
                    reference == null ? "" : reference));
        } catch (PaymentProvider.RefusedException e) {
            throw refused("services.payment.online", target, e.key());
        }
        String ref = confirmed.reference().length() > 64 ? confirmed.reference().substring(0, 64) : confirmed.reference();
        return record(d, fee, confirmed.method().code(), provider.id(), ref, user.id(), "services.payment.online");
    }

    private long amount(String text, Locale locale, String target, String action) {
        long value = parseVnd(text, locale);
        if (value <= 0 || value > MAX_AMOUNT) {
            throw refused(action, target, "services.payment.amount-invalid", formatVnd(MAX_AMOUNT, locale));
        }
        return value;
    }

    /**
     * Reads an amount in đồng as the page writes it. The đồng has no fraction, so the platform's
     * general rule that "50.000" alone is ambiguous does not apply: in Vietnamese the point (and in
     * English the comma) only groups thousands, so "50.000" is fifty thousand; a space groups too.
     * A decimal mark, a sign, letters or groups of the wrong size make it unreadable.
     *
     * @param text what was typed
     * @param locale the page's language
     * @return the amount, or -1 when it cannot be read
     */
    static long parseVnd(String text, Locale locale) {
        return vn.congso.services.internal.catalogue.Fees.parse(text, locale);
    }

    private Dossier payable(long dossierId, String target, String action) {
        Dossier d = dossiers.get(dossierId).orElseThrow(() -> refused(action, target, "services.payment.not-found"));
        if (d.status() == Status.REFUSED || d.status() == Status.WITHDRAWN) {
            throw refused(action, target, "services.payment.closed");
        }
        return d;
    }

    private Payment record(Dossier d, long amount, String method, String provider, String reference, String by,
            String action) {
        Instant now = clock.instant();
        String receiptNo = "BL-" + (d.code().startsWith("HS-") ? d.code().substring(3) : d.code());
        Payment payment = Jdbc.transaction(dataSource, c -> {
            if (!Jdbc.list(c, "SELECT 1 FROM svc_payment WHERE dossier_id = ?", rs -> 1, d.id()).isEmpty()) {
                throw new WorkflowException("services.payment.already");
            }
            // The unique dossier_id settles a double click: the second insert fails and rolls back.
            Jdbc.update(c, "INSERT INTO svc_payment (dossier_id, receipt_no, amount_vnd, pay_method, provider, pay_reference, "
                    + "recorded_by, paid_at, receiving_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", d.id(), receiptNo,
                    amount, method, provider, reference, by, Timestamp.from(now), d.receivingUnit());
            return Jdbc.one(c, "SELECT " + COLUMNS + " FROM svc_payment WHERE dossier_id = ?", Payments::payment,
                    d.id());
        });
        audit.record(action, d.code(), Outcome.SUCCESS, AuditLog.Message.of("services.audit.detail.paid",
                formatVnd(amount, VI), method, receiptNo));
        return payment;
    }

    private WorkflowException refused(String action, String target, String key, Object... args) {
        audit.record(action, target, Outcome.DENIED, AuditLog.Message.of(key, args));
        return new WorkflowException(key, args);
    }

    /**
     * The e-receipt of a dossier's payment, for whoever may see the dossier.
     *
     * @param dossierId the dossier
     * @return the PDF
     * @throws WorkflowException when there is no payment or the dossier is not visible
     */
    public byte[] receipt(long dossierId) {
        Dossier d = dossiers.get(dossierId).orElseThrow(() -> new WorkflowException("services.payment.not-found"));
        Payment p = paymentOf(dossierId).orElseThrow(() -> new WorkflowException("services.payment.none"));
        Map<String, Object> data = new HashMap<>();
        data.put("authority", authority);
        data.put("unit", units.unit(d.receivingUnit()).map(OrgUnit::name).orElse(d.receivingUnit()));
        data.put("receiptNo", p.receiptNo());
        data.put("code", d.code());
        data.put("procedure", catalogue.get(d.procedureCode()).map(Procedure::name).orElse(d.procedureCode()));
        data.put("payer", d.applicantName());
        data.put("amount", formatVnd(p.amountVnd(), VI));
        data.put("method", switch (p.method()) {
            case CASH -> "Tiền mặt tại bộ phận một cửa";
            case "bank-transfer" -> "Chuyển khoản ngân hàng";
            case "e-wallet" -> "Ví điện tử";
            default -> "Cổng thanh toán";
        });
        data.put("reference", p.reference().isEmpty() ? "—" : p.reference());
        data.put("paidAt", Formats.dateTime(p.paidAt(), VI));
        data.put("recordedBy", p.recordedBy());
        try {
            return pdf.render("pdf/payment-receipt.xhtml", data);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the e-receipt of " + d.code(), e);
        }
    }

    /**
     * Payments of a period and how many without cash, of dossiers received by a unit or by all.
     * Reads without a permission check: the indicator runs as the platform's system actor.
     *
     * @param from inclusive
     * @param to exclusive
     * @param unit a receiving unit's code, or "" for all
     * @return the counts
     */
    public Share cashless(Instant from, Instant to, String unit) {
        String sql = "SELECT COUNT(*), SUM(CASE WHEN pay_method <> 'cash' THEN 1 ELSE 0 END) FROM svc_payment "
                + "WHERE paid_at >= ? AND paid_at < ?" + (unit.isEmpty() ? "" : " AND receiving_unit = ?");
        Object[] args = unit.isEmpty() ? new Object[] {Timestamp.from(from), Timestamp.from(to)}
                : new Object[] {Timestamp.from(from), Timestamp.from(to), unit};
        return Jdbc.transaction(dataSource, c -> Jdbc.one(c, sql, rs -> new Share(rs.getLong(1), rs.getLong(2)), args));
    }

    /**
     * An amount as the page writes it: "50.000 đồng" in Vietnamese, "50,000 VND" in English.
     *
     * @param amount in đồng
     * @param locale the page's language
     * @return the text
     */
    public static String formatVnd(long amount, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return java.text.NumberFormat.getIntegerInstance(english ? Locale.ENGLISH : VI).format(amount)
                + (english ? " VND" : " đồng");
    }

    private static Payment payment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Payment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    }
}
