package vn.congso.notify.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;

/**
 * The real outbox without a container: an in-memory Derby migrated by the bundle's own
 * changelog, a clock the test moves, a signed-in user whose permissions the test sets, and an
 * audit log that keeps what it is told.
 */
final class OutboxFixture {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** Held in a field: java.util.logging keeps loggers only weakly, and would forget the level. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    final DataSource dataSource;
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T01:00:00Z"));
    final List<String> audited = new ArrayList<>();
    Set<String> permissions = Set.of(OutboxService.PERMISSION);

    OutboxFixture() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:notify" + DATABASES.incrementAndGet());
        derby.setCreateDatabase("create");
        try (Connection c = derby.getConnection()) {
            liquibase.database.Database db = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(c));
            new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(), db).update("");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        this.dataSource = derby;
    }

    /** The service as the platform builds it, with delivery left to the test ({@code deliverNow}). */
    Notifications service(MailSettings settings) {
        return new Notifications(new Outbox(dataSource), users(), audit(), settings, clock, new SmtpMailer(), false);
    }

    static MailSettings smtp(String host, int port, int retries) {
        return new MailSettings(host, port, MailSettings.Security.NONE, "", "", "congso@tran-de.example",
                "Cổng Số Trần Đề", retries, Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    CurrentUserService users() {
        return () -> new CurrentUser() {
            @Override
            public String id() {
                return "quantri";
            }

            @Override
            public String displayName() {
                return "Quản trị";
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
                return permissions.contains(permission);
            }
        };
    }

    AuditLog audit() {
        return new AuditLog() {
            @Override
            public void record(String action, String target, Outcome outcome, String detail) {
                audited.add(action + " " + target + " " + outcome + " " + detail);
            }

            @Override
            public void record(String actor, String address, String action, String target, Outcome outcome,
                    String detail) {
                audited.add(action + " " + target + " " + outcome + " " + detail);
            }

            @Override
            public void record(String action, String target, Outcome outcome, Message detail) {
                audited.add(action + " " + target + " " + outcome + " " + detail.key() + " " + detail.args());
            }

            @Override
            public List<Entry> find(Query query) {
                throw new UnsupportedOperationException("not read in these tests");
            }
        };
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
