package vn.congso.security.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import vn.congso.api.TranslationService;
import vn.congso.api.audit.AuditLog;

/**
 * The real {@link SecurityService} without a container: an embedded Derby migrated by the
 * bundle's own changelog, an audit log that keeps entries in memory, translations that return
 * the key. For unit tests and the login benchmark.
 */
final class SecurityFixture {

    final DataSource dataSource;
    final RecordingAuditLog audit = new RecordingAuditLog();
    final SecurityService security;
    private final int maxFailures;

    /**
     * @param directory an empty folder for the database and {@code admin-password.txt}
     * @param maxFailures failures that lock a name
     */
    SecurityFixture(Path directory, int maxFailures) throws Exception {
        this.maxFailures = maxFailures;
        System.setProperty("karaf.data", directory.toString());
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(directory.resolve("derby").toAbsolutePath().toString());
        derby.setCreateDatabase("create");
        migrate(derby);
        this.dataSource = derby;
        vn.congso.api.data.Database database = new vn.congso.api.data.Database() {
            @Override
            public DataSource dataSource() {
                return derby;
            }

            @Override
            public String productName() {
                return "Apache Derby";
            }
        };
        this.security = new SecurityService(database, audit, new KeyTranslations(), config(maxFailures));
    }

    /** A new service over the same database, as after a restart of the platform. */
    SecurityService restart() {
        vn.congso.api.data.Database database = new vn.congso.api.data.Database() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public String productName() {
                return "Apache Derby";
            }
        };
        return new SecurityService(database, audit, new KeyTranslations(), config(maxFailures));
    }

    /** The administrator's one-time password, as the first start wrote it. */
    String adminPassword() throws Exception {
        return java.nio.file.Files.readString(Path.of(System.getProperty("karaf.data"), "admin-password.txt")).trim();
    }

    private static void migrate(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(), db).update("");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static SecurityService.Config config(int maxFailures) {
        return new SecurityService.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SecurityService.Config.class;
            }

            @Override
            public int maxFailures() {
                return maxFailures;
            }

            @Override
            public int failureWindowMinutes() {
                return 15;
            }

            @Override
            public int lockoutMinutes() {
                return 15;
            }

            @Override
            public int addressMaxFailures() {
                return 20;
            }

            @Override
            public int knownDeviceDays() {
                return 180;
            }

            @Override
            public boolean demoAccounts() {
                return false;
            }
        };
    }

    /** Translations that answer with the key, so tests can assert keys. */
    static final class KeyTranslations implements TranslationService {
        @Override
        public String translate(String key, Locale locale, Object... params) {
            return key;
        }

        @Override
        public List<Locale> supportedLocales() {
            return List.of(VIETNAMESE, ENGLISH);
        }
    }

    /** An audit log that keeps what it is told, in order. */
    static final class RecordingAuditLog implements AuditLog {
        final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void record(String action, String target, Outcome outcome, String detail) {
            record("?", "", action, target, outcome, detail);
        }

        @Override
        public void record(String actor, String address, String action, String target, Outcome outcome,
                String detail) {
            entries.add(new Entry(entries.size() + 1, java.time.Instant.now(), actor, action, target, outcome, detail,
                    address));
        }

        @Override
        public List<Entry> find(Query query) {
            return List.copyOf(entries);
        }

        Optional<Entry> last() {
            return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
        }
    }
}
