package ${package}.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccessDeniedException;

/** The entries in the platform database (table {@code ${pluginName}_entry}, see db/changelog.xml). */
@Component(service = EntryService.class)
public final class JdbcEntryService implements EntryService {

    private final Database database;
    private final CurrentUserService users;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * Receives the platform's services.
     *
     * @param database the database, given only once this bundle's changelog has been applied
     * @param users who is asking
     * @param audit the audit log
     */
    @Activate
    public JdbcEntryService(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit) {
        this(database, users, audit, Clock.systemUTC());
    }

    JdbcEntryService(Database database, CurrentUserService users, AuditLog audit, Clock clock) {
        this.database = database;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Entry add(String title, Integer amount) {
        CurrentUser user = users.current();
        if (!user.isPermitted(EntryPermissions.EDIT)) {
            audit.record(AUDIT_ADD, "", Outcome.DENIED, "missing " + EntryPermissions.EDIT);
            throw new AccessDeniedException(EntryPermissions.EDIT);
        }
        Optional<String> problem = EntryRules.checkTitle(title).or(() -> EntryRules.checkAmount(amount));
        if (problem.isPresent()) {
            audit.record(AUDIT_ADD, "", Outcome.DENIED, problem.get());
            throw new InvalidEntryException(problem.get());
        }
        String cleanTitle = title.strip();
        // Stored to the millisecond, as every database keeps it.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO ${pluginName}_entry (title, amount, created_by, created_at) VALUES (?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, cleanTitle);
            insert.setInt(2, amount);
            insert.setString(3, user.id());
            insert.setTimestamp(4, Timestamp.from(now));
            insert.executeUpdate();
            long id;
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new entry");
                }
                id = keys.getLong(1);
            }
            audit.record(AUDIT_ADD, String.valueOf(id), Outcome.SUCCESS, cleanTitle);
            return new Entry(id, cleanTitle, amount, user.id(), now);
        } catch (SQLException e) {
            audit.record(AUDIT_ADD, "", Outcome.FAILURE, String.valueOf(e.getMessage()));
            throw new IllegalStateException("Cannot record the entry", e);
        }
    }

    @Override
    public boolean mayEdit() {
        return users.current().isPermitted(EntryPermissions.EDIT);
    }

    @Override
    public List<Entry> latest(int limit) {
        if (!users.current().isPermitted(EntryPermissions.VIEW)) {
            throw new AccessDeniedException(EntryPermissions.VIEW);
        }
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT id, title, amount, created_by, created_at FROM ${pluginName}_entry ORDER BY id DESC")) {
            select.setMaxRows(Math.max(1, limit));
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the entries", e);
        }
    }
}
