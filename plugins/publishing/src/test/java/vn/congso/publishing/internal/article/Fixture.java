package vn.congso.publishing.internal.article;

import java.nio.file.Path;
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
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import vn.congso.api.CurrentUser;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;

/**
 * The real service on an embedded Derby migrated by the bundle's own changelog, a clock the test
 * moves, a user whose permissions the test chooses and an audit log kept in memory.
 */
public final class Fixture {

    static {
        java.util.logging.Logger.getLogger("liquibase").setLevel(java.util.logging.Level.WARNING);
    }

    /** Audit entries as "action target OUTCOME detail". */
    public final List<String> audited = new ArrayList<>();
    /** The permissions the current user holds. */
    public Set<String> permissions = Set.of(PublishingPermissions.VIEW, PublishingPermissions.EDIT,
            PublishingPermissions.SUBMIT, PublishingPermissions.REVIEW, PublishingPermissions.PUBLISH,
            PublishingPermissions.CATEGORIES);
    /** The current user's id. */
    public String userId = "bientap.lan";
    /** The clock. */
    public final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T03:00:00Z"));
    /** The database. */
    public final Database database;
    /** The service. */
    public final ArticleService service;

    /**
     * @param folder a temporary folder naming the in-memory database
     * @throws Exception when the schema cannot be made
     */
    public Fixture(Path folder) throws Exception {
        this(folder, false);
    }

    /**
     * @param folder a temporary folder naming the in-memory database, or holding the on-disk one
     * @param onDisk whether the database is written to disk (benchmarks) rather than kept in memory
     * @throws Exception when the schema cannot be made
     */
    public Fixture(Path folder, boolean onDisk) throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(onDisk ? folder.resolve("derby").toAbsolutePath().toString() : "memory:" + folder.toAbsolutePath());
        derby.setCreateDatabase("create");
        try (Connection c = derby.getConnection()) {
            liquibase.database.Database db = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(c));
            new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(), db).update("");
        }
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
        service = new ArticleService(database, this::user, new MemoryAuditLog(), clock);
    }

    /**
     * A draft in the legal-education category.
     *
     * @param title its title
     * @return the draft
     */
    public static ArticleDraft draft(String title) {
        return new ArticleDraft(title, "Tóm tắt: " + title, "Nội dung **" + title + "**.",
                "pho-bien-giao-duc-phap-luat", List.of("pháp luật"), "vi", List.of(), false, false, null, null, null);
    }

    /** @return the current user */
    public CurrentUser user() {
        Set<String> held = permissions;
        String id = userId;
        return new CurrentUser() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String displayName() {
                return "Người dùng " + id;
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
                return held.contains(permission) || held.contains("*");
            }
        };
    }

    /** A clock the test sets. */
    public static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        /** @param duration moves the clock on */
        public void advance(Duration duration) {
            now = now.plus(duration);
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

    private final class MemoryAuditLog implements AuditLog {
        @Override
        public void record(String action, String target, Outcome outcome, String detail) {
            audited.add(action + " " + target + " " + outcome + " " + detail);
        }

        @Override
        public void record(String actor, String address, String action, String target, Outcome outcome, String detail) {
            record(action, target, outcome, detail);
        }

        @Override
        public List<AuditLog.Entry> find(Query query) {
            return List.of();
        }
    }
}
