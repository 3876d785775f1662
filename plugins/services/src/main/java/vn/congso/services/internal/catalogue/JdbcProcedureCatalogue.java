package vn.congso.services.internal.catalogue;

import elemental.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Message;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.Jdbc;
import vn.congso.services.internal.ServicesPermissions;

/** The catalogue in tables {@code svc_procedure} and {@code svc_form_field}. */
@Component(service = ProcedureCatalogue.class)
public final class JdbcProcedureCatalogue implements ProcedureCatalogue {

    private static final String COLUMNS = "code, name, field, settling_level, inter_level, legal_basis, components, fees, fee_vnd,"
            + " processing_days, result_text, online_level, online_class, how_to, sort_order";

    private final Database database;
    private final CurrentUserService users;
    private final AuditLog audit;

    /**
     * @param database the database
     * @param users who is asking
     * @param audit the audit log
     */
    @Activate
    public JdbcProcedureCatalogue(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit) {
        this.database = database;
        this.users = users;
        this.audit = audit;
        readPublishedFees(database.dataSource());
    }

    @Override
    public List<Procedure> find(Filter filter, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return Jdbc.transaction(database.dataSource(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM svc_procedure" + where
                    + " ORDER BY sort_order, code")) {
                Jdbc.bind(ps, args.toArray());
                ps.setMaxRows(Math.max(1, limit));
                List<Procedure> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(procedure(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public int count(Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return Jdbc.transaction(database.dataSource(),
                c -> Jdbc.one(c, "SELECT COUNT(*) FROM svc_procedure" + where, rs -> rs.getInt(1), args.toArray()));
    }

    private static String where(Filter filter, List<Object> args) {
        List<String> parts = new ArrayList<>();
        for (String word : Fold.fold(filter.query()).split(" ")) {
            if (!word.isEmpty()) {
                parts.add("name_folded LIKE ? ESCAPE '!'");
                args.add("%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
        }
        filter.field().ifPresent(f -> {
            parts.add("field = ?");
            args.add(f);
        });
        filter.level().ifPresent(l -> {
            parts.add("settling_level = ?");
            args.add(l.code());
        });
        filter.onlineLevel().ifPresent(l -> {
            parts.add("online_level = ?");
            args.add(l);
        });
        filter.onlineClass().ifPresent(o -> {
            parts.add("online_class = ?");
            args.add(o.code());
        });
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    @Override
    public Optional<Procedure> get(String code) {
        if (code == null || code.length() > 32) {
            return Optional.empty();
        }
        return Optional.ofNullable(Jdbc.transaction(database.dataSource(), c -> Jdbc.one(c,
                "SELECT " + COLUMNS + " FROM svc_procedure WHERE code = ?", JdbcProcedureCatalogue::procedure, code)));
    }

    @Override
    public List<FormField> form(String code) {
        return Jdbc.transaction(database.dataSource(), c -> readForm(c, code));
    }

    private static List<FormField> readForm(Connection c, String code) throws SQLException {
        return Jdbc.list(c, "SELECT field_key, label, label_en, field_type, required, max_length, min_value, max_value,"
                + " choices, help, help_en, pattern, pattern_sample FROM svc_form_field WHERE procedure_code = ?"
                + " ORDER BY position",
                rs -> new FormField(rs.getString(1), rs.getString(2), rs.getString(3), FieldType.of(rs.getString(4)),
                        rs.getBoolean(5), rs.getInt(6),
                        Optional.ofNullable(rs.getBigDecimal(7)).map(java.math.BigDecimal::stripTrailingZeros),
                        Optional.ofNullable(rs.getBigDecimal(8)).map(java.math.BigDecimal::stripTrailingZeros),
                        rs.getString(9).isEmpty() ? List.of() : Arrays.asList(rs.getString(9).split("\\|")),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)),
                code);
    }

    @Override
    public List<FormField> formAt(String code, Instant when) {
        return Jdbc.transaction(database.dataSource(), c -> {
            String definition = Jdbc.one(c, "SELECT definition FROM svc_form_version WHERE procedure_code = ?"
                    + " AND valid_from <= ? ORDER BY valid_from DESC, id DESC FETCH FIRST 1 ROWS ONLY",
                    rs -> rs.getString(1), code, Timestamp.from(when));
            if (definition == null) {
                definition = Jdbc.one(c, "SELECT definition FROM svc_form_version WHERE procedure_code = ?"
                        + " ORDER BY valid_from, id FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1), code);
            }
            return definition == null ? readForm(c, code) : parse(definition);
        });
    }

    private static List<FormField> parse(String definition) {
        try {
            return FormJson.read(Json.instance().parse(definition));
        } catch (FormJson.FormJsonException | RuntimeException e) {
            throw new IllegalStateException("a stored form version cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void saveForm(String code, List<FormField> form) {
        require();
        String by = users.current().id();
        boolean changed = Jdbc.transaction(database.dataSource(), c -> {
            if (Jdbc.one(c, "SELECT code FROM svc_procedure WHERE code = ?", rs -> rs.getString(1), code) == null) {
                throw new IllegalArgumentException("services.designer.error.procedure");
            }
            return writeForm(c, code, form, by);
        });
        audit.record("services.procedure.form", code, Outcome.SUCCESS,
                Message.of(changed ? "services.audit.form-save" : "services.audit.form-unchanged", code, form.size()));
    }

    /**
     * Replaces a procedure's form when it changed, keeping the version in force until now (and,
     * on the first change, the form as it was) for the dossiers filled in with it.
     *
     * @return whether the form changed
     */
    static boolean writeForm(Connection c, String code, List<FormField> form, String by) throws SQLException {
        List<FormField> old = readForm(c, code);
        if (old.equals(form)) {
            return false;
        }
        Integer versions = Jdbc.one(c, "SELECT COUNT(*) FROM svc_form_version WHERE procedure_code = ?",
                rs -> rs.getInt(1), code);
        if (versions == 0 && !old.isEmpty()) {
            Jdbc.update(c, "INSERT INTO svc_form_version (procedure_code, valid_from, saved_by, definition)"
                    + " VALUES (?, ?, ?, ?)", code, Timestamp.from(Instant.EPOCH), "", FormJson.write(old).toJson());
        }
        Jdbc.update(c, "DELETE FROM svc_form_field WHERE procedure_code = ?", code);
        int position = 0;
        for (FormField f : form) {
            Jdbc.update(c, "INSERT INTO svc_form_field (procedure_code, position, field_key, label, label_en, field_type,"
                    + " required, max_length, min_value, max_value, choices, help, help_en, pattern, pattern_sample)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    code, position++, f.key(), f.label(), f.labelEn(), f.type().code(), f.required(), f.maxLength(),
                    f.min().orElse(null), f.max().orElse(null), String.join("|", f.choices()), f.help(), f.helpEn(),
                    f.pattern(), f.patternSample());
        }
        Jdbc.update(c, "INSERT INTO svc_form_version (procedure_code, valid_from, saved_by, definition) VALUES (?, ?, ?, ?)",
                code, Timestamp.from(Instant.now()), by, FormJson.write(form).toJson());
        return true;
    }

    @Override
    public Procedure setFee(String code, long feeVnd) {
        require();
        if (feeVnd < 0 || feeVnd > Fees.MAX) {
            audit.record("services.procedure.fee", String.valueOf(code), Outcome.DENIED,
                    Message.of("services.audit.fee-invalid", code, feeVnd));
            throw new IllegalArgumentException("fee out of range: " + feeVnd);
        }
        long before = get(code).orElseThrow(() -> new IllegalArgumentException("no procedure " + code)).feeVnd();
        Jdbc.transaction(database.dataSource(), c -> Jdbc.update(c, "UPDATE svc_procedure SET fee_vnd = ? WHERE code = ?",
                feeVnd, code));
        audit.record("services.procedure.fee", code, Outcome.SUCCESS, Message.of("services.audit.fee", code, before, feeVnd));
        return get(code).orElseThrow();
    }

    /** The marker in {@code svc_setting} of the one-time reading of amounts from the published fee texts. */
    static final String FEES_READ = "catalogue.fees-read";

    /**
     * Gives every procedure saved before the amount existed (changeset svc-procedure-fee) the amount
     * its published text names, once per database, in one transaction. Liquibase cannot do it: Derby
     * has no regular expressions (nor REPLACE), and the platform runs changelogs without the bundle's
     * classes.
     *
     * @param dataSource the database
     * @return how many procedures got an amount; 0 when it was done before
     */
    static int readPublishedFees(javax.sql.DataSource dataSource) {
        return Jdbc.transaction(dataSource, c -> {
            if (Jdbc.one(c, "SELECT setting_value FROM svc_setting WHERE name = ?", rs -> rs.getString(1), FEES_READ) != null) {
                return 0;
            }
            Jdbc.update(c, "INSERT INTO svc_setting (name, setting_value) VALUES (?, ?)", FEES_READ,
                    java.time.Instant.now().toString());
            int n = 0;
            for (Object[] row : Jdbc.list(c, "SELECT code, fees FROM svc_procedure WHERE fee_vnd = 0",
                    rs -> new Object[] {rs.getString(1), rs.getString(2)})) {
                long amount = Fees.amountIn((String) row[1]);
                if (amount > 0) {
                    n += Jdbc.update(c, "UPDATE svc_procedure SET fee_vnd = ? WHERE code = ?", amount, row[0]);
                }
            }
            return n;
        });
    }

    @Override
    public void save(Procedure procedure, List<FormField> form) {
        require();
        String by = users.current().id();
        Jdbc.transaction(database.dataSource(), c -> {
            upsert(c, procedure);
            writeForm(c, procedure.code(), form, by);
            return null;
        });
        audit.record("services.procedure.save", procedure.code(), Outcome.SUCCESS,
                Message.of("services.audit.procedure-save", procedure.code(), form.size()));
    }

    private static void upsert(Connection c, Procedure procedure) throws SQLException {
        if (Jdbc.update(c, "UPDATE svc_procedure SET name = ?, name_folded = ?, field = ?, settling_level = ?,"
                + " inter_level = ?, legal_basis = ?, components = ?, fees = ?, fee_vnd = ?, processing_days = ?, result_text = ?,"
                + " online_level = ?, online_class = ?, how_to = ?, sort_order = ? WHERE code = ?",
                procedure.name(), Fold.fold(procedure.name()), procedure.field(), procedure.level().code(),
                procedure.interLevel(), procedure.legalBasis(), procedure.components(), procedure.fees(),
                procedure.feeVnd(), procedure.processingDays(), procedure.result(), procedure.onlineLevel(),
                procedure.onlineClass().code(), procedure.howTo(), procedure.order(), procedure.code()) == 0) {
            insert(c, List.of(procedure));
        }
    }

    @Override
    public java.util.Map<CatalogueExchange.Status, Long> importAll(List<CatalogueExchange.Row> rows) {
        require();
        java.util.Map<CatalogueExchange.Status, Long> counts = CatalogueExchange.counts(rows);
        if (counts.get(CatalogueExchange.Status.INVALID) > 0) {
            audit.record("services.procedure.import", "", Outcome.DENIED,
                    Message.of("services.audit.catalogue-import-invalid", counts.get(CatalogueExchange.Status.INVALID)));
            throw new IllegalArgumentException("services.import.error.invalid-rows");
        }
        String by = users.current().id();
        Jdbc.transaction(database.dataSource(), c -> {
            for (CatalogueExchange.Row row : rows) {
                if (row.status() != CatalogueExchange.Status.UNCHANGED) {
                    Procedure p = row.procedure().orElseThrow();
                    upsert(c, p);
                    writeForm(c, p.code(), row.form(), by);
                }
            }
            return null;
        });
        audit.record("services.procedure.import", "", Outcome.SUCCESS, Message.of("services.audit.catalogue-import",
                counts.get(CatalogueExchange.Status.NEW), counts.get(CatalogueExchange.Status.CHANGED),
                counts.get(CatalogueExchange.Status.UNCHANGED)));
        return counts;
    }

    @Override
    public void saveAll(List<Procedure> procedures) {
        require();
        Jdbc.transaction(database.dataSource(), c -> {
            insert(c, procedures);
            return null;
        });
        audit.record("services.procedure.import", "", Outcome.SUCCESS,
                Message.of("services.audit.procedure-import", procedures.size()));
    }

    private void require() {
        if (!users.current().isPermitted(ServicesPermissions.CATALOGUE)) {
            audit.record("services.procedure.save", "", Outcome.DENIED, "missing " + ServicesPermissions.CATALOGUE);
            throw new AccessDeniedException(ServicesPermissions.CATALOGUE);
        }
    }

    private static void insert(Connection c, List<Procedure> procedures) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO svc_procedure (" + COLUMNS + ", name_folded)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Procedure p : procedures) {
                Jdbc.bind(ps, p.code(), p.name(), p.field(), p.level().code(), p.interLevel(), p.legalBasis(),
                        p.components(), p.fees(), p.feeVnd(), p.processingDays(), p.result(), p.onlineLevel(),
                        p.onlineClass().code(), p.howTo(), p.order(), Fold.fold(p.name()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static Procedure procedure(ResultSet rs) throws SQLException {
        return new Procedure(rs.getString(1), rs.getString(2), rs.getString(3), Procedure.Level.of(rs.getString(4)),
                rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getInt(10),
                rs.getString(11), rs.getInt(12), Procedure.OnlineClass.of(rs.getString(13)), rs.getString(14), rs.getInt(15));
    }

}
