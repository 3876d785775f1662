package vn.congso.services.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.security.RateLimiter;
import vn.congso.api.units.OrgUnit;
import vn.congso.api.units.UnitDirectory;
import vn.congso.api.web.PublicLinks;
import vn.congso.services.internal.calendar.JdbcCalendarService;
import vn.congso.services.internal.catalogue.JdbcProcedureCatalogue;
import vn.congso.services.internal.dossier.DossierServiceAccess;

/**
 * The real services on an in-memory Derby migrated by the bundle's changelog; users whose
 * permissions and units the test chooses, an audit log in memory, Trần Đề's units, a rate limiter
 * the test can close, a PDF renderer that records what it was given.
 */
public final class ServicesFixture {

    static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** Tuesday 2026-03-03 09:00 in Vietnam. */
    public static final Instant NOW = Instant.parse("2026-03-03T02:00:00Z");

    public final List<String> audit = new ArrayList<>();
    public final ThreadLocal<CurrentUser> user = new ThreadLocal<>();
    public final Map<String, String> unitOf = new java.util.HashMap<>();
    /** The accounts the user directory knows, by username: the demo's officers to start with. */
    public final Map<String, vn.congso.api.security.UserDirectory.Person> people = new java.util.concurrent.ConcurrentHashMap<>();
    public final AtomicBoolean limited = new AtomicBoolean();
    public final List<Map<String, ?>> rendered = new ArrayList<>();
    public final Database database;
    public final JdbcProcedureCatalogue catalogue;
    public final JdbcCalendarService calendars;
    public final vn.congso.services.internal.dossier.DossierService dossiers;
    public Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final CurrentUserService users;
    public final AuditLog log;

    public ServicesFixture(Path dir) throws Exception {
        this(dir, false);
    }

    /**
     * @param dir where the database lives (its name, in memory)
     * @param onDisk whether the database is a folder on disk (benchmarks), kept and migrated again when it exists
     */
    public ServicesFixture(Path dir, boolean onDisk) throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName((onDisk ? "" : "memory:") + dir.toAbsolutePath());
        derby.setCreateDatabase("create");
        try (Connection c = derby.getConnection()) {
            new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(),
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c))).update("");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        // On disk (the benchmarks), connections come from the server's pool: commons-dbcp2, at most 16.
        DataSource source = derby;
        if (onDisk) {
            org.apache.commons.dbcp2.BasicDataSource pool = new org.apache.commons.dbcp2.BasicDataSource();
            pool.setUrl("jdbc:derby:" + dir.toAbsolutePath());
            pool.setMaxTotal(16);
            pool.setMaxIdle(8);
            source = pool;
        }
        DataSource pooled = source;
        database = new Database() {
            @Override
            public DataSource dataSource() {
                return pooled;
            }

            @Override
            public String productName() {
                return "Apache Derby";
            }
        };
        users = () -> Optional.ofNullable(user.get()).orElse(CurrentUser.anonymous(Locale.ROOT));
        log = new AuditLog() {
            @Override
            public void record(String action, String target, Outcome outcome, String detail) {
                audit.add(action + " " + target + " " + outcome + " " + detail);
            }

            @Override
            public void record(String actor, String address, String action, String target, Outcome outcome, String detail) {
                record(action, target, outcome, detail);
            }

            @Override
            public List<Entry> find(Query query) {
                return List.of();
            }
        };
        catalogue = new JdbcProcedureCatalogue(database, users, log);
        calendars = new JdbcCalendarService(database, users, log, config());
        for (var a : DemoData.accounts()) {
            people.put(a.username(), new vn.congso.api.security.UserDirectory.Person(a.username(), a.fullName(), "",
                    a.unitId(), true, a.roles()));
        }
        dossiers = DossierServiceAccess.create(database, users, log, catalogue, calendars, units(), limiter(), pdf(),
                links(), config(), () -> clock);
        DossierServiceAccess.people(dossiers, directory());
    }

    /** A user directory over {@link #people}. */
    public vn.congso.api.security.UserDirectory directory() {
        return new vn.congso.api.security.UserDirectory() {
            @Override
            public List<Unit> units() {
                return List.of();
            }

            @Override
            public Optional<Person> person(String username) {
                return Optional.ofNullable(people.get(username));
            }

            @Override
            public List<Person> people() {
                return List.copyOf(people.values());
            }

            @Override
            public List<Person> peopleOf(String unitId) {
                return people.values().stream().filter(p -> p.unitId().equals(unitId)).toList();
            }
        };
    }

    /** Another dossier service on the same database, with this PDF renderer. */
    public vn.congso.services.internal.dossier.DossierService dossiers(PdfRenderer renderer) {
        var service = DossierServiceAccess.create(database, users, log, catalogue, calendars, units(), limiter(), renderer,
                links(), config(), () -> clock);
        DossierServiceAccess.people(service, directory());
        return service;
    }

    /** Makes a user with these permissions current on this thread. */
    public void become(String username, String... permissions) {
        Set<String> granted = Set.of(permissions);
        user.set(new CurrentUser() {
            @Override
            public String id() {
                return username;
            }

            @Override
            public String displayName() {
                return username;
            }

            @Override
            public Locale locale() {
                return Locale.forLanguageTag("vi");
            }

            @Override
            public boolean isAuthenticated() {
                return true;
            }

            @Override
            public boolean isPermitted(String permission) {
                return granted.contains(permission) || granted.contains("*");
            }
        });
    }

    public void anonymous() {
        user.remove();
    }

    static final LocalDate SINCE = LocalDate.of(2020, 1, 1);

    UnitDirectory units() {
        List<OrgUnit> all = new ArrayList<>();
        all.add(new OrgUnit("district", "UBND huyện Trần Đề", OrgUnit.Level.DISTRICT, Optional.empty(), SINCE, Optional.empty()));
        for (String c : DemoData.COMMUNES) {
            all.add(new OrgUnit(c, "Xã " + c, OrgUnit.Level.COMMUNE, Optional.of("district"), SINCE, Optional.empty()));
        }
        return new UnitDirectory() {
            @Override
            public List<OrgUnit> validOn(LocalDate day) {
                return all;
            }

            @Override
            public Optional<OrgUnit> unit(String code) {
                return all.stream().filter(u -> u.code().equals(code)).findFirst();
            }

            @Override
            public List<OrgUnit> successors(String code, LocalDate day) {
                return unit(code).map(List::of).orElse(List.of());
            }

            @Override
            public Optional<OrgUnit> unitOf(String username, LocalDate day) {
                return Optional.ofNullable(unitOf.get(username)).flatMap(this::unit);
            }
        };
    }

    RateLimiter limiter() {
        return new RateLimiter() {
            @Override
            public boolean tryAcquire(String bucket, String key) {
                return !limited.get();
            }

            @Override
            public String clientAddress() {
                return "192.0.2.7";
            }
        };
    }

    PdfRenderer pdf() {
        return new PdfRenderer() {
            @Override
            public byte[] render(String templatePath, Map<String, ?> data) {
                rendered.add(data);
                return ("%PDF-1.4 " + templatePath).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }

            @Override
            public Markup qrCode(String text, int sizePx) {
                return new Markup("<img alt=\"" + text + "\"/>");
            }
        };
    }

    static PublicLinks links() {
        return new PublicLinks() {
            @Override
            public String base() {
                return "https://congso.trande.example";
            }

            @Override
            public String absolute(String path) {
                return base() + path;
            }
        };
    }

    public static ServicesConfig config() {
        return new ServicesConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ServicesConfig.class;
            }

            @Override
            public String cutOff() {
                return "17:00";
            }

            @Override
            public int dueSoonDays() {
                return 1;
            }

            @Override
            public int maxFileMegabytes() {
                return 1;
            }

            @Override
            public boolean demoData() {
                return true;
            }

            @Override
            public String authority() {
                return "Ủy ban nhân dân huyện Trần Đề";
            }
        };
    }
}
