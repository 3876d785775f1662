package vn.congso.conference.internal.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.Formats;

/**
 * The decisions of a meeting's minutes, a list apart from the minutes' text (table
 * {@code conf_decision}): what was decided, which unit (connection point) is responsible, and by
 * when. Recorded with the attendance ({@code meetings:attendance:record}) once the meeting has
 * started, replaced whole, audited; shown in the minutes PDF and exported as CSV.
 */
@Component(service = MeetingDecisions.class)
public class MeetingDecisions {

    /** The most decisions one meeting records. */
    public static final int MAX = 50;
    /** The longest decision. */
    public static final int TEXT_LENGTH = 1000;

    /**
     * A decision as entered.
     *
     * @param text what was decided
     * @param pointId the responsible unit's connection point
     * @param due the due date, or null
     */
    public record Decision(String text, long pointId, LocalDate due) {
    }

    /**
     * A recorded decision.
     *
     * @param number its number in the list, from 1
     * @param text what was decided
     * @param pointId the responsible unit's connection point
     * @param unit that point's name
     * @param due the due date, or null
     */
    public record Line(int number, String text, long pointId, String unit, LocalDate due) {
    }

    private final Database database;
    private final CurrentUserService users;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * Receives the platform's services.
     *
     * @param database the database, migrated
     * @param users who is asking
     * @param audit the audit log
     */
    @Activate
    public MeetingDecisions(@Reference Database database, @Reference CurrentUserService users, @Reference AuditLog audit) {
        this(database, users, audit, Clock.systemUTC());
    }

    /**
     * For tests: a clock of their own.
     *
     * @param database the database, migrated
     * @param users who is asking
     * @param audit the audit log
     * @param clock the clock
     */
    MeetingDecisions(Database database, CurrentUserService users, AuditLog audit, Clock clock) {
        this.database = database;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The decisions of an occurrence, in their order.
     *
     * @param occurrenceId the occurrence
     * @return its decisions
     */
    public List<Line> decisions(long occurrenceId) {
        CurrentUser user = users.current();
        if (!user.isPermitted(ConferencePermissions.ATTENDANCE_RECORD) && !user.isPermitted(ConferencePermissions.BOOKING_MANAGE)) {
            audit.record("conference.decisions.read", String.valueOf(occurrenceId), Outcome.DENIED,
                    "missing " + ConferencePermissions.ATTENDANCE_RECORD);
            throw new AccessDeniedException(ConferencePermissions.ATTENDANCE_RECORD);
        }
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT d.position, d.body, d.point_id, p.name, d.due_date "
                        + "FROM conf_decision d JOIN conf_point p ON p.id = d.point_id WHERE d.occurrence_id = ? "
                        + "ORDER BY d.position")) {
            ps.setLong(1, occurrenceId);
            List<Line> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date due = rs.getDate(5);
                    lines.add(new Line(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            due == null ? null : due.toLocalDate()));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the decisions", e);
        }
    }

    /**
     * Replaces an occurrence's decisions, all checked before anything is saved: a text (at most
     * {@value #TEXT_LENGTH} characters), an existing point, a due date not before the meeting's day;
     * at most {@value #MAX}. Only once the meeting has started, and not for a cancelled one.
     *
     * @param occurrenceId the occurrence
     * @param decisions the decisions in order (empty clears them)
     * @throws ConferenceException naming the decision (its number) and what is wrong
     */
    public void save(long occurrenceId, List<Decision> decisions) {
        CurrentUser user = users.current();
        if (!user.isPermitted(ConferencePermissions.ATTENDANCE_RECORD)) {
            audit.record("conference.decisions.record", String.valueOf(occurrenceId), Outcome.DENIED,
                    "missing " + ConferencePermissions.ATTENDANCE_RECORD);
            throw new AccessDeniedException(ConferencePermissions.ATTENDANCE_RECORD);
        }
        if (decisions.size() > MAX) {
            throw new ConferenceException("conference.error.decisions-count", MAX);
        }
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                LocalDate day;
                try (PreparedStatement ps = c.prepareStatement("SELECT starts_at, status FROM conf_occurrence WHERE id = ?")) {
                    ps.setLong(1, occurrenceId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new ConferenceException("conference.error.unknown-occurrence", occurrenceId);
                        }
                        if (!ConferenceService.SCHEDULED.equals(rs.getString(2))) {
                            throw new ConferenceException("conference.error.occurrence-cancelled");
                        }
                        Instant start = rs.getTimestamp(1).toInstant();
                        if (clock.instant().isBefore(start)) {
                            throw new ConferenceException("conference.error.not-started");
                        }
                        day = start.atZone(Formats.ZONE).toLocalDate();
                    }
                }
                try (PreparedStatement point = c.prepareStatement("SELECT 1 FROM conf_point WHERE id = ?")) {
                    for (int i = 0; i < decisions.size(); i++) {
                        Decision d = decisions.get(i);
                        String text = d.text() == null ? "" : d.text().strip();
                        if (text.isEmpty() || text.length() > TEXT_LENGTH) {
                            throw new ConferenceException("conference.error.decision-text", i + 1, TEXT_LENGTH);
                        }
                        point.setLong(1, d.pointId());
                        try (ResultSet rs = point.executeQuery()) {
                            if (!rs.next()) {
                                throw new ConferenceException("conference.error.decision-unit", i + 1);
                            }
                        }
                        if (d.due() != null && d.due().isBefore(day)) {
                            throw new ConferenceException("conference.error.decision-due", i + 1);
                        }
                    }
                }
                try (PreparedStatement clear = c.prepareStatement("DELETE FROM conf_decision WHERE occurrence_id = ?")) {
                    clear.setLong(1, occurrenceId);
                    clear.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO conf_decision (occurrence_id, position, body, "
                        + "point_id, due_date, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
                    for (int i = 0; i < decisions.size(); i++) {
                        Decision d = decisions.get(i);
                        ps.setLong(1, occurrenceId);
                        ps.setInt(2, i + 1);
                        ps.setString(3, d.text().strip());
                        ps.setLong(4, d.pointId());
                        if (d.due() == null) {
                            ps.setNull(5, java.sql.Types.DATE);
                        } else {
                            ps.setDate(5, Date.valueOf(d.due()));
                        }
                        ps.setString(6, user.id());
                        ps.setTimestamp(7, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                audit.record("conference.decisions.record", String.valueOf(occurrenceId), Outcome.SUCCESS,
                        AuditLog.Message.of("conference.audit.decisions", decisions.size()));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the decisions", e);
        }
    }
}
