package vn.congso.conference.internal.service;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import vn.congso.api.CurrentUser;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.conference.internal.domain.ConnectionPoint;
import vn.congso.conference.internal.domain.PointStatus;

/** A real Derby migrated by the bundle's changelog, the hub and 11 points, a user whose permissions a test picks. */
final class ConferenceFixture {

    static {
        java.util.logging.Logger.getLogger("liquibase").setLevel(java.util.logging.Level.WARNING);
    }

    static final Settings SETTINGS = new Settings("https://hop.example.vn/{room}", Duration.ofMinutes(15), 260,
            Duration.ofHours(8), Duration.ofMinutes(120), Duration.ofMinutes(15));

    final List<String> audited = new CopyOnWriteArrayList<>();
    final EmbeddedDataSource derby;
    final Database database;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T03:00:00Z"));
    volatile String userId = "dieuphoi";
    volatile Set<String> permissions = Set.of(ConferencePermissions.BOOKING_MANAGE);
    final AuditLog audit = new MemoryAuditLog();
    final ConferenceService service;
    final List<Long> pointIds = new ArrayList<>();

    ConferenceFixture(Path folder, boolean onDisk) throws Exception {
        derby = new EmbeddedDataSource();
        derby.setDatabaseName(onDisk ? folder.resolve("db").toString() : "memory:" + folder.toAbsolutePath());
        derby.setCreateDatabase("create");
        try (Connection c = derby.getConnection()) {
            liquibase.database.Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(), db).update("");
            c.commit();
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
        service = new ConferenceService(database, this::user, audit, clock, SETTINGS);
        pointIds.add(service.savePoint(point("district", "UBND huyện Trần Đề", true)));
        for (int i = 1; i <= 11; i++) {
            pointIds.add(service.savePoint(point("xa-" + i, "Xã số " + i, false)));
        }
    }

    static ConnectionPoint point(String unit, String name, boolean hub) {
        return new ConnectionPoint(0, unit, name, hub, "Phòng họp", "Trần Đề", "Camera, micro", "Kỹ thuật " + unit,
                "0299 000 000", "kythuat." + unit, 30, PointStatus.AVAILABLE);
    }

    CurrentUser user() {
        String id = userId;
        Set<String> held = permissions;
        return new CurrentUser() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String displayName() {
                return id;
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

    /** A clock a test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
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
            audited.add(action + " " + target + " " + outcome);
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
