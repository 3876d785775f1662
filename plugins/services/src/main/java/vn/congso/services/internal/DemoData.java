package vn.congso.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccountProvisioning;
import vn.congso.api.security.AccountProvisioning.DemoAccount;
import vn.congso.api.security.RunAs;
import vn.congso.services.internal.calendar.CalendarService;
import vn.congso.services.internal.calendar.WorkingCalendar;
import vn.congso.services.internal.catalogue.FormField;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;
import vn.congso.services.internal.dossier.Status;

/**
 * Loads the demo on first start, once per database: the 242-procedure catalogue with a few
 * e-forms, demo accounts (one-stop officers of Xã Tài Văn and of the district, a specialist, a
 * services administrator, a citizen; created only when the platform's {@code demoAccounts}
 * setting allows), the year 2025's 13,031 settled dossiers of which 12,949 on time (the seed's
 * 99.37 %), generated in bulk with their receive, settle and return events, and a few open
 * dossiers for the desks. Off with {@code demoData=false} in {@code etc/vn.congso.services.cfg}.
 */
@Component(configurationPid = ServicesConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class DemoData {

    /** Dossiers settled in the demo year. */
    public static final int SETTLED = 13_031;
    /** Of which on time. */
    public static final int ON_TIME = 12_949;
    /** Of which submitted online (the seed's weak point: few online dossiers). */
    public static final int ONLINE = 1_042;
    /** The demo year. */
    public static final int YEAR = 2025;
    /** The marker row in {@code svc_setting}. */
    static final String MARKER = "demo.loaded";
    /** The open dossier that is late today (its procedure: a copy of a civil-status extract, within the day). */
    static final String LATE_DOSSIER = "HS-DEMO-013";
    static final String LATE_PROCEDURE = "2.000635";
    /** The district's unit code in core's demo data. */
    static final String DISTRICT = "district";
    /** The communes and towns of Trần Đề in core's demo data. */
    static final List<String> COMMUNES = List.of("tt-tran-de", "tt-lich-hoi-thuong", "xa-lich-hoi-thuong", "xa-dai-an-2",
            "xa-lieu-tu", "xa-tai-van", "xa-thanh-thoi-an", "xa-thanh-thoi-thuan", "xa-trung-binh", "xa-vien-an",
            "xa-vien-binh");

    /** The demo accounts. */
    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("motcua.taivan", "Lâm Thị Ngọc Hân", "xa-tai-van", Set.of(ServicesRoles.OFFICER)),
            new DemoAccount("motcua.huyen", "Nguyễn Hoàng Phúc", DISTRICT, Set.of(ServicesRoles.OFFICER)),
            new DemoAccount("chuyenvien.huyen", "Trần Minh Khoa", DISTRICT, Set.of(ServicesRoles.SPECIALIST)),
            new DemoAccount("quantri.dvc", "Huỳnh Thanh Tâm", DISTRICT, Set.of(ServicesRoles.ADMIN)),
            new DemoAccount("congdan.demo", "Sơn Thị Thanh Thảo", "xa-tai-van", Set.of(ServicesRoles.CITIZEN)),
            new DemoAccount("lanhdao.huyen", "Thạch Văn Minh", DISTRICT, Set.of(ServicesRoles.LEADER)),
            new DemoAccount("lanhdao.taivan", "Lý Thị Kim Yến", "xa-tai-van", Set.of(ServicesRoles.LEADER)));

    private static final String ACTOR = "system:services-demo";
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Lâm", "Thạch", "Sơn", "Huỳnh", "Phạm", "Võ", "Lý"};
    private static final String[] GIVEN = {"Văn An", "Thị Bích", "Minh Châu", "Hoàng Dũng", "Thị Hồng", "Quốc Khánh",
        "Thị Lan", "Thanh Nam", "Ngọc Phương", "Văn Sang", "Thị Thu", "Kim Yến"};

    private final Logger log = LoggerFactory.getLogger(DemoData.class);

    /**
     * @param database the database
     * @param catalogue the catalogue
     * @param calendars the working days
     * @param runAs to act as {@code system:services-demo}
     * @param provisioning creates the demo accounts
     * @param roles the declared roles, so they exist first
     * @param config whether to load
     */
    @Activate
    public DemoData(@Reference Database database, @Reference ProcedureCatalogue catalogue,
            @Reference CalendarService calendars, @Reference RunAs runAs, @Reference AccountProvisioning provisioning,
            @Reference ServicesRoles roles, ServicesConfig config) {
        if (!config.demoData()) {
            return;
        }
        try {
            runAs.call(runAs.system(ACTOR), () -> {
                if (load(database, catalogue, calendars.calendar(), Instant.now())) {
                    provisioning.createDemoAccounts(ACCOUNTS);
                }
                return null;
            });
        } catch (Exception e) {
            log.error("Services demo data could not be loaded; it will not be tried again", e);
        }
    }

    /**
     * Loads the demo once.
     *
     * @param database the database
     * @param catalogue the catalogue
     * @param calendar the working days
     * @param now now, for the open dossiers
     * @return whether it was loaded now
     * @throws Exception when it fails
     */
    static boolean load(Database database, ProcedureCatalogue catalogue, WorkingCalendar calendar, Instant now)
            throws Exception {
        boolean claimed = Jdbc.transaction(database.dataSource(), c -> {
            if (Jdbc.one(c, "SELECT setting_value FROM svc_setting WHERE name = ?", rs -> rs.getString(1), MARKER) != null) {
                return false;
            }
            Jdbc.update(c, "INSERT INTO svc_setting (name, setting_value) VALUES (?, ?)", MARKER, now.toString());
            return true;
        });
        if (!claimed) {
            return false;
        }
        List<Procedure> procedures = DemoCatalogue.procedures();
        catalogue.saveAll(procedures);
        for (Map.Entry<String, List<FormField>> form : DemoCatalogue.forms().entrySet()) {
            catalogue.save(catalogue.get(form.getKey()).orElseThrow(), form.getValue());
        }
        Jdbc.transaction(database.dataSource(), c -> {
            settledYear(c, procedures, calendar);
            openDossiers(c, procedures, calendar, now);
            // Written in bulk, not through the service: their figures per day for the statistics.
            vn.congso.services.internal.dossier.DayTotals.addWritten(c, "submit_token LIKE 'demo-%'");
            return null;
        });
        return true;
    }

    private static void settledYear(Connection c, List<Procedure> procedures, WorkingCalendar calendar)
            throws SQLException {
        Random random = new Random(2025);
        // Mostly the real procedures (civil status and certification first), some generated ones.
        List<Procedure> real = procedures.stream().filter(p -> !p.code().startsWith("TD.")).toList();
        // The late ones spread evenly over the year.
        int lateEvery = SETTLED / (SETTLED - ON_TIME);
        int late = 0;
        try (PreparedStatement ps = c.prepareStatement(insertSql())) {
            for (int i = 0; i < SETTLED; i++) {
                Procedure p = random.nextInt(10) < 8 ? real.get(random.nextInt(Math.min(20, real.size())))
                        : procedures.get(random.nextInt(procedures.size()));
                String unit = unitFor(p, random);
                LocalDate day = LocalDate.of(YEAR, 1, 2).plusDays(random.nextInt(340));
                while (!calendar.isWorkingDay(day)) {
                    day = day.plusDays(1);
                }
                Instant submitted = LocalDateTime.of(day, LocalTime.of(7 + random.nextInt(9), random.nextInt(60)))
                        .atZone(WorkingCalendar.ZONE).toInstant();
                LocalDate due = calendar.dueDate(submitted, p.processingDays());
                boolean isLate = late < SETTLED - ON_TIME && i % lateEvery == lateEvery - 1;
                LocalDate settledDay;
                if (isLate) {
                    late++;
                    settledDay = calendar.addWorkingDays(due, 1 + random.nextInt(4));
                } else {
                    settledDay = calendar.addWorkingDays(calendar.receiptDay(submitted),
                            p.processingDays() == 0 ? 0 : random.nextInt(p.processingDays() + 1));
                }
                Instant settled = LocalDateTime.of(settledDay, LocalTime.of(15, 30)).atZone(WorkingCalendar.ZONE).toInstant();
                boolean online = i % (SETTLED / ONLINE) == 0 && i / (SETTLED / ONLINE) < ONLINE;
                String settling = p.interLevel() ? DISTRICT : unit;
                Jdbc.bind(ps, String.format("HS-%d-D%05d", YEAR, i + 1), p.code(), "", name(random), phone(random), "",
                        online ? "online" : "counter", unit, settling, Status.RETURNED.code(), submitted, submitted,
                        due, settled, !isLate, settled, "", "", "demo-" + (i + 1));
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        if (late != SETTLED - ON_TIME) {
            throw new IllegalStateException("demo generated " + late + " late dossiers");
        }
        // History in bulk: receive, settle and return for every generated dossier.
        String demo = " FROM svc_dossier WHERE submit_token LIKE 'demo-%'";
        Jdbc.update(c, "INSERT INTO svc_dossier_event (dossier_id, event_at, actor, action, from_status, to_status, unit, note)"
                + " SELECT id, received_at, '" + ACTOR + "', 'receive', 'submitted', 'processing', receiving_unit, ''" + demo);
        Jdbc.update(c, "INSERT INTO svc_dossier_event (dossier_id, event_at, actor, action, from_status, to_status, unit, note)"
                + " SELECT id, settled_at, '" + ACTOR + "', 'settle', 'processing', 'settled', settling_unit, ''" + demo);
        Jdbc.update(c, "INSERT INTO svc_dossier_event (dossier_id, event_at, actor, action, from_status, to_status, unit, note)"
                + " SELECT id, returned_at, '" + ACTOR + "', 'return', 'settled', 'returned', receiving_unit, ''" + demo);
    }

    /** A few dossiers waiting at the desks of Xã Tài Văn and the district today, one of them late. */
    private static void openDossiers(Connection c, List<Procedure> procedures, WorkingCalendar calendar, Instant now)
            throws SQLException {
        Random random = new Random(7);
        List<Procedure> real = procedures.stream().filter(p -> !p.code().startsWith("TD.")).toList();
        try (PreparedStatement ps = c.prepareStatement(insertSql())) {
            for (int i = 0; i < 12; i++) {
                Procedure p = real.get(i * 3 % real.size());
                String unit = p.level() == Procedure.Level.DISTRICT && !p.interLevel() ? DISTRICT : "xa-tai-van";
                Instant submitted = now.minusSeconds(3600L * 24 * (1 + i));
                Status status = i % 3 == 0 ? Status.SUBMITTED : i % 3 == 1 ? Status.PROCESSING : Status.SUPPLEMENT;
                Instant received = status == Status.SUBMITTED ? null : submitted;
                LocalDate due = null;
                if (received != null) {
                    try {
                        due = calendar.dueDate(received, p.processingDays());
                    } catch (RuntimeException e) {
                        due = null;
                    }
                }
                Jdbc.bind(ps, String.format("HS-DEMO-%03d", i + 1), p.code(), "", name(random), phone(random), "",
                        i % 2 == 0 ? "online" : "counter", unit, unit, status.code(), submitted, received, due, null,
                        null, null, status == Status.SUPPLEMENT ? "Bổ sung bản sao giấy tờ tùy thân còn hiệu lực" : "",
                        "", "demo-open-" + (i + 1));
                ps.addBatch();
            }
            LocalDate lateDue = lateDue(calendar, now);
            if (lateDue != null) {
                // Late today at Xã Tài Văn: a same-day procedure received three working days ago. The desk holds it
                // until the unit issues its apology with a new appointment (template 04).
                Instant received = LocalDateTime.of(lateDue, LocalTime.of(8, 30)).atZone(WorkingCalendar.ZONE).toInstant();
                Jdbc.bind(ps, LATE_DOSSIER, LATE_PROCEDURE, "", name(random), phone(random), "", "counter", "xa-tai-van",
                        "xa-tai-van", Status.PROCESSING.code(), received, received, lateDue, null, null, null, "", "",
                        "demo-open-13");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The due day of the demo's late dossier: three working days before today, the day it was
     * received (its procedure is settled within the day).
     *
     * @return the day, or null when the calendar lacks the days around today (a year nobody entered)
     */
    static LocalDate lateDue(WorkingCalendar calendar, Instant now) {
        LocalDate day = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        try {
            for (int found = 0; found < 3;) {
                day = day.minusDays(1);
                if (calendar.isWorkingDay(day)) {
                    found++;
                }
            }
            return calendar.dueDate(LocalDateTime.of(day, LocalTime.of(8, 30)), 0);
        } catch (vn.congso.services.internal.calendar.CalendarGapException e) {
            // A year nobody entered: no late dossier rather than a wrong one.
            return null;
        }
    }

    private static String insertSql() {
        return "INSERT INTO svc_dossier (code, procedure_code, applicant, applicant_name, phone, email, channel,"
                + " receiving_unit, settling_unit, status, submitted_at, received_at, due_date, settled_at, on_time,"
                + " returned_at, note, form_data, submit_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    private static String unitFor(Procedure p, Random random) {
        if (p.level() == Procedure.Level.DISTRICT && !p.interLevel()) {
            return DISTRICT;
        }
        return COMMUNES.get(random.nextInt(COMMUNES.size()));
    }

    private static String name(Random random) {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static String phone(Random random) {
        return "09" + String.format("%08d", random.nextInt(100_000_000));
    }

    /** @return the demo list, for tests */
    static List<DemoAccount> accounts() {
        return new ArrayList<>(ACCOUNTS);
    }
}
