package vn.congso.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccessDeniedException;

/**
 * The audit log in the platform database: insert-only for everyone; entries older than the
 * retention are removed once a day. Reading needs {@code platform:audit:view}.
 */
@Component(service = AuditLog.class, configurationPid = "vn.congso.security.audit")
@Designate(ocd = AuditLogService.Config.class)
public final class AuditLogService implements AuditLog {

    /** Audit log settings. */
    @ObjectClassDefinition(localization = SecurityService.METATYPE_L10N, name = "%audit.name",
            description = "%audit.description")
    @interface Config {
        /** Days an entry is kept. */
        @AttributeDefinition(name = "%audit.retentionDays.name", description = "%audit.retentionDays.description",
                min = "30")
        int retentionDays() default 730;
    }

    private final Logger log = LoggerFactory.getLogger(AuditLogService.class);
    private final DataSource dataSource;
    // Looked up per call, not referenced: the security service itself needs the audit log,
    // so a reference back would be a cycle.
    private final BundleContext context;
    private final ScheduledExecutorService purger;

    /** Starts the service and its daily purge. */
    @Activate
    public AuditLogService(BundleContext context, @Reference Database database, Config config) {
        this.context = context;
        this.dataSource = database.dataSource();
        Duration retention = Duration.ofDays(Math.max(30, config.retentionDays()));
        this.purger = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "congso-audit-retention"));
        purger.scheduleWithFixedDelay(() -> purge(retention), 1, 24 * 60, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        purger.shutdownNow();
    }

    @Override
    public void record(String action, String target, Outcome outcome, String detail) {
        String actor = currentUser().map(CurrentUser::id).orElse(CurrentUserService.ANONYMOUS_ID);
        record(actor, SessionUser.currentAddress(), action, target, outcome, detail);
    }

    @Override
    public void record(String actor, String address, String action, String target, Outcome outcome, String detail) {
        insert(actor, address, action, target, outcome, detail, null);
    }

    @Override
    public void record(String action, String target, Outcome outcome, Message detail) {
        String actor = currentUser().map(CurrentUser::id).orElse(CurrentUserService.ANONYMOUS_ID);
        insert(actor, SessionUser.currentAddress(), action, target, outcome, detail.plain(), detail);
    }

    @Override
    public void record(String actor, String address, String action, String target, Outcome outcome,
            Message detail) {
        insert(actor, address, action, target, outcome, detail.plain(), detail);
    }

    private void insert(String actor, String address, String action, String target, Outcome outcome, String detail,
            Message message) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (occurred_at, actor, action, target, outcome, "
                        + "detail, address, detail_key, detail_args) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, limit(actor, 64));
            ps.setString(3, limit(action, 100));
            ps.setString(4, limit(target, 200));
            ps.setString(5, outcome.name());
            ps.setString(6, limit(detail, 2000));
            ps.setString(7, limit(address, 64));
            String args = message == null ? null : String.join(ARG_SEPARATOR, message.args());
            // A message whose arguments do not fit is kept as its plain text only.
            boolean fits = message != null && message.key().length() <= 200 && args.length() <= 2000;
            ps.setString(8, fits ? message.key() : null);
            ps.setString(9, fits ? args : null);
            ps.executeUpdate();
        } catch (SQLException e) {
            // An audit entry that cannot be written must be loud: it is logged with all its facts.
            log.error("Cannot write audit entry {} {} {} {} {}: {}", actor, action, target, outcome, detail,
                    e.toString());
        }
    }

    /** Between a message's arguments in the database: a control character no one types. */
    static final String ARG_SEPARATOR = "\u001F";

    static Optional<Message> message(String key, String args) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        List<String> list = args == null || args.isEmpty() ? List.of() : List.of(args.split(ARG_SEPARATOR, -1));
        return Optional.of(new Message(key, list));
    }

    @Override
    public List<Entry> find(Query query) {
        if (!currentUserMay(Permissions.AUDIT_VIEW)) {
            record("audit.view", "", Outcome.DENIED, Message.of("audit.detail.missing-permission", Permissions.AUDIT_VIEW));
            throw new AccessDeniedException(Permissions.AUDIT_VIEW);
        }
        StringBuilder sql = new StringBuilder(
                "SELECT id, occurred_at, actor, action, target, outcome, detail, address, detail_key, detail_args "
                        + "FROM audit_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        query.actor().filter(s -> !s.isBlank()).ifPresent(a -> {
            sql.append(" AND actor = ?");
            args.add(a.trim().toLowerCase(java.util.Locale.ROOT));
        });
        query.actionPrefix().filter(s -> !s.isBlank()).ifPresent(a -> {
            sql.append(" AND action LIKE ?");
            args.add(a.trim().replace("%", "") + "%");
        });
        query.from().ifPresent(f -> {
            sql.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(f));
        });
        query.to().ifPresent(t -> {
            sql.append(" AND occurred_at < ?");
            args.add(Timestamp.from(t));
        });
        sql.append(" ORDER BY id DESC");
        int limit = Math.max(1, Math.min(query.limit(), 100_000));
        List<Entry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setMaxRows(limit);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && entries.size() < limit) {
                    entries.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), nz(rs.getString(5)), Outcome.valueOf(rs.getString(6)),
                            nz(rs.getString(7)), nz(rs.getString(8)), message(rs.getString(9), rs.getString(10))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit log", e);
        }
        return entries;
    }

    private boolean currentUserMay(String permission) {
        return currentUser().map(user -> user.isPermitted(permission)).orElse(false);
    }

    /** Who is asking, from the highest-ranked current-user service (a session's or a RunAs user). */
    private Optional<CurrentUser> currentUser() {
        ServiceReference<CurrentUserService> reference = context.getServiceReference(CurrentUserService.class);
        if (reference == null) {
            return Optional.empty();
        }
        CurrentUserService users = context.getService(reference);
        try {
            return users == null ? Optional.empty() : Optional.of(users.current());
        } finally {
            context.ungetService(reference);
        }
    }

    private void purge(Duration retention) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM audit_log WHERE occurred_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            int removed = ps.executeUpdate();
            if (removed > 0) {
                log.info("Removed {} audit entries older than {} days", removed, retention.toDays());
            }
        } catch (SQLException e) {
            log.warn("Audit retention failed: {}", e.toString());
        }
    }

    private static String limit(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
