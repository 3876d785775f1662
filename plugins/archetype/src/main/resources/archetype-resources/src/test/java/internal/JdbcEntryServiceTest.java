package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.Period;
import vn.congso.api.security.AccessDeniedException;

/**
 * The real service on an embedded Derby migrated by the bundle's own changelog, with a user whose
 * permissions the test chooses and an audit log kept in memory.
 */
class JdbcEntryServiceTest {

    /** Liquibase reports every change through java.util.logging; held so the level is kept. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final List<String> audited = new ArrayList<>();
    private Set<String> permissions = Set.of(EntryPermissions.VIEW, EntryPermissions.EDIT);
    private Database database;
    private JdbcEntryService service;

    @BeforeEach
    void setUp(@TempDir Path folder) throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:" + folder.toAbsolutePath());
        derby.setCreateDatabase("create");
        migrate(derby);
        database = new Database() {
            @Override
            public DataSource dataSource() {
                return derby;
            }

            @Override
            public String productName() {
                return "Apache Derby";
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), ZoneOffset.UTC);
        service = new JdbcEntryService(database, this::user, new MemoryAuditLog(), clock);
    }

    @Test
    void recordsAnEntryAndAuditsIt() {
        Entry entry = service.add("  Tập huấn chữ ký số  ", 1250);

        assertEquals("Tập huấn chữ ký số", entry.title());
        assertEquals(List.of(entry), service.latest(10));
        assertEquals(List.of("${pluginName}.entry.add " + entry.id() + " SUCCESS"), audited);
    }

    @Test
    void refusesWithoutThePermissionAndAuditsTheRefusal() {
        permissions = Set.of(EntryPermissions.VIEW);

        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> service.add("Họp", 1));

        assertEquals(EntryPermissions.EDIT, denied.permission());
        assertEquals(List.of(), service.latest(10));
        assertEquals(List.of("${pluginName}.entry.add  DENIED"), audited);
        permissions = Set.of();
        assertThrows(AccessDeniedException.class, () -> service.latest(10));
    }

    @Test
    void refusesWhatTheFormWouldRefuseEvenWhenTheFormIsBypassed() {
        EntryService.InvalidEntryException invalid = assertThrows(EntryService.InvalidEntryException.class,
                () -> service.add("Họp", -5));

        assertEquals("${pluginName}.error.amount-range", invalid.key());
        assertEquals(List.of(), service.latest(10));
    }

    @Test
    void theIndicatorCountsTheEntriesOfThePeriod() throws Exception {
        service.add("Một", 1);
        service.add("Hai", 2);
        Indicator indicator = new EntryCountIndicator(database);

        assertEquals(2.0, indicator.compute(Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 12, 5)),
                Indicator.ALL_UNITS).value().getAsDouble());
        assertEquals(0.0, indicator.compute(Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 11, 5)),
                Indicator.ALL_UNITS).value().getAsDouble());
    }

    private CurrentUser user() {
        Set<String> held = permissions;
        return new CurrentUser() {
            @Override
            public String id() {
                return "chuyenvien.an";
            }

            @Override
            public String displayName() {
                return "Chuyên viên An";
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
                return held.contains(permission);
            }
        };
    }

    private static void migrate(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            liquibase.database.Database db = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(c));
            new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(), db).update("");
        }
    }

    /** Keeps "action target OUTCOME" of each entry. */
    private final class MemoryAuditLog implements AuditLog {
        @Override
        public void record(String action, String target, Outcome outcome, String detail) {
            audited.add(action + " " + target + " " + outcome);
        }

        @Override
        public void record(String actor, String address, String action, String target, Outcome outcome,
                String detail) {
            record(action, target, outcome, detail);
        }

        @Override
        public List<AuditLog.Entry> find(Query query) {
            return List.of();
        }
    }
}
