package vn.congso.conference.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.Formats;
import vn.congso.conference.internal.domain.Busy;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.domain.Conflict;
import vn.congso.conference.internal.domain.ConflictCheck;
import vn.congso.conference.internal.domain.ConnectionPoint;
import vn.congso.conference.internal.domain.IcsWriter;
import vn.congso.conference.internal.domain.PointStatus;
import vn.congso.conference.internal.domain.Recurrence;
import vn.congso.conference.internal.domain.Slot;

/**
 * Connection points, bookings, calendars, feeds and readiness on the platform database. Every
 * method that changes data checks its permission and writes the audit log.
 *
 * <p>No double booking, enforced by the database: a booking first writes the row of every point it
 * involves ({@code UPDATE conf_point SET lock_version = lock_version + 1}, in id order so two
 * bookings cannot deadlock), which holds those rows' write locks until the transaction ends on
 * Derby and PostgreSQL alike; only then does it read what is booked and check. A second booking
 * of any of the same points waits at its first update until the first commits, and then sees its
 * rows.
 */
public class ConferenceService {

    /** Statuses of an occurrence. */
    static final String SCHEDULED = "SCHEDULED";
    static final String CANCELLED = "CANCELLED";
    /** An occurrence the scheduler dropped when booking: an exception of the series. */
    static final String EXCLUDED = "EXCLUDED";

    private static final String MEETING_COLUMNS = "m.id, m.uid, m.title, m.agenda, m.room_link, m.status, m.sequence_no";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConferenceService.class);

    private final Database database;
    private final CurrentUserService users;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Settings settings;
    private final List<java.util.function.LongConsumer> readinessListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Creates the service.
     *
     * @param database the database, migrated
     * @param users who is asking
     * @param audit the audit log
     * @param clock the clock
     * @param settings the settings
     */
    public ConferenceService(Database database, CurrentUserService users, AuditLog audit, Clock clock, Settings settings) {
        this.database = database;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /** @return the settings in force */
    public Settings settings() {
        return settings;
    }

    void settings(Settings changed) {
        this.settings = changed;
    }

    /** @return whether the current user may book and manage */
    public boolean mayManage() {
        return users.current().isPermitted(ConferencePermissions.BOOKING_MANAGE);
    }

    /** @return the current user's name */
    public String currentUser() {
        return users.current().id();
    }

    // ---------------------------------------------------------------- points

    /**
     * Every connection point, the hub first.
     *
     * @return the points
     */
    public List<ConnectionPoint> points() {
        requireAny(ConferencePermissions.BOOKING_MANAGE, ConferencePermissions.READINESS_CONFIRM);
        try (Connection c = database.dataSource().getConnection()) {
            return readPoints(c, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the connection points", e);
        }
    }

    /**
     * Creates a point for an organisational unit or changes it.
     *
     * @param point the point; id 0 creates it
     * @return its id
     */
    public long savePoint(ConnectionPoint point) {
        require(ConferencePermissions.BOOKING_MANAGE, "conference.point.save");
        checkText(point.name(), 200, "conference.field.name");
        checkText(point.unitCode(), 64, "conference.field.unit");
        if (point.capacity() < 0 || point.capacity() > 10_000) {
            throw new ConferenceException("conference.error.capacity");
        }
        try (Connection c = database.dataSource().getConnection()) {
            long id;
            if (point.id() == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO conf_point (unit_code, name, hub, room, address, "
                        + "equipment, contact_name, contact_phone, contact_user, capacity, status, sort_order) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COUNT(*) FROM conf_point))",
                        Statement.RETURN_GENERATED_KEYS)) {
                    bindPoint(ps, point);
                    ps.executeUpdate();
                    id = generatedId(ps);
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE conf_point SET unit_code = ?, name = ?, hub = ?, "
                        + "room = ?, address = ?, equipment = ?, contact_name = ?, contact_phone = ?, contact_user = ?, "
                        + "capacity = ?, status = ? WHERE id = ?")) {
                    bindPoint(ps, point);
                    ps.setLong(12, point.id());
                    if (ps.executeUpdate() != 1) {
                        throw new ConferenceException("conference.error.unknown-point", point.id());
                    }
                    id = point.id();
                }
            }
            audit.record("conference.point.save", String.valueOf(id), Outcome.SUCCESS,
                    AuditLog.Message.of("conference.audit.point-saved", point.name(), point.status()));
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the connection point", e);
        }
    }

    private static void bindPoint(PreparedStatement ps, ConnectionPoint p) throws SQLException {
        ps.setString(1, p.unitCode().strip());
        ps.setString(2, p.name().strip());
        ps.setBoolean(3, p.hub());
        ps.setString(4, limit(p.room(), 200));
        ps.setString(5, limit(p.address(), 300));
        ps.setString(6, limit(p.equipment(), 1000));
        ps.setString(7, limit(p.contactName(), 120));
        ps.setString(8, limit(p.contactPhone(), 40));
        ps.setString(9, p.contactUser().isBlank() ? null : limit(p.contactUser(), 64));
        ps.setInt(10, p.capacity());
        ps.setString(11, p.status().name());
    }

    /**
     * Adds a blackout period to a point: no booking may overlap it.
     *
     * @param pointId the point
     * @param slot when
     * @param reason why
     */
    public void addBlackout(long pointId, Slot slot, String reason) {
        require(ConferencePermissions.BOOKING_MANAGE, "conference.blackout.add");
        checkText(reason, 200, "conference.field.reason");
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO conf_blackout (point_id, starts_at, ends_at, reason) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, pointId);
            ps.setTimestamp(2, Timestamp.from(slot.start()));
            ps.setTimestamp(3, Timestamp.from(slot.end()));
            ps.setString(4, reason.strip());
            ps.executeUpdate();
            audit.record("conference.blackout.add", String.valueOf(pointId), Outcome.SUCCESS,
                    AuditLog.Message.of("conference.audit.blackout", reason.strip()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the blackout", e);
        }
    }

    // ---------------------------------------------------------------- saved groups of points

    /**
     * A saved group of points the booking form offers.
     *
     * @param id its id
     * @param name its name, unique
     * @param pointIds its points
     */
    public record PointGroup(long id, String name, Set<Long> pointIds) {
    }

    /**
     * The saved groups, by name.
     *
     * @return the groups
     */
    public List<PointGroup> pointGroups() {
        requireAny(ConferencePermissions.BOOKING_MANAGE, ConferencePermissions.ATTENDANCE_RECORD);
        try (Connection c = database.dataSource().getConnection()) {
            Map<Long, PointGroup> groups = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM conf_point_group ORDER BY name, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.put(rs.getLong(1), new PointGroup(rs.getLong(1), rs.getString(2), new TreeSet<>()));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT group_id, point_id FROM conf_point_group_member");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PointGroup group = groups.get(rs.getLong(1));
                    if (group != null) {
                        group.pointIds().add(rs.getLong(2));
                    }
                }
            }
            return groups.values().stream().map(g -> new PointGroup(g.id(), g.name(), Set.copyOf(g.pointIds()))).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the groups of points", e);
        }
    }

    /**
     * Saves a group of points: creates it (id 0) or renames it and replaces its points.
     *
     * @param id the group, or 0 for a new one
     * @param name its name (unique, at most 120 characters)
     * @param pointIds its points, at least one, all existing
     * @return its id
     */
    public long savePointGroup(long id, String name, Set<Long> pointIds) {
        require(ConferencePermissions.BOOKING_MANAGE, "conference.group.save");
        checkText(name, 120, "conference.field.group-name");
        if (pointIds == null || pointIds.isEmpty()) {
            throw new ConferenceException("conference.error.no-points");
        }
        String clean = name.strip();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<Long> known = readPoints(c, pointIds).stream().map(ConnectionPoint::id).collect(Collectors.toSet());
                for (long pointId : new TreeSet<>(pointIds)) {
                    if (!known.contains(pointId)) {
                        throw new ConferenceException("conference.error.unknown-point", pointId);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM conf_point_group WHERE LOWER(name) = LOWER(?) AND id <> ?")) {
                    ps.setString(1, clean);
                    ps.setLong(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            throw new ConferenceException("conference.error.group-name-taken", clean);
                        }
                    }
                }
                long groupId = id;
                String before = null;
                if (id == 0) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO conf_point_group (name, created_by, updated_at) "
                            + "VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                        ps.setString(1, clean);
                        ps.setString(2, users.current().id());
                        ps.setTimestamp(3, Timestamp.from(now()));
                        ps.executeUpdate();
                        groupId = generatedId(ps);
                    }
                } else {
                    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM conf_point_group WHERE id = ?")) {
                        ps.setLong(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw new ConferenceException("conference.error.unknown-group", id);
                            }
                            before = rs.getString(1);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE conf_point_group SET name = ?, updated_at = ? WHERE id = ?");
                            PreparedStatement clear = c.prepareStatement(
                                    "DELETE FROM conf_point_group_member WHERE group_id = ?")) {
                        ps.setString(1, clean);
                        ps.setTimestamp(2, Timestamp.from(now()));
                        ps.setLong(3, id);
                        ps.executeUpdate();
                        clear.setLong(1, id);
                        clear.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO conf_point_group_member (group_id, point_id) VALUES (?, ?)")) {
                    for (long pointId : new TreeSet<>(pointIds)) {
                        ps.setLong(1, groupId);
                        ps.setLong(2, pointId);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                audit.record("conference.group.save", String.valueOf(groupId), Outcome.SUCCESS, before == null
                        ? AuditLog.Message.of("conference.audit.group-created", clean, pointIds.size())
                        : AuditLog.Message.of("conference.audit.group-saved", before, clean, pointIds.size()));
                return groupId;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                // Two coordinators saving the same new name at once: the unique constraint decides.
                throw new ConferenceException("conference.error.group-name-taken", clean);
            }
            throw new IllegalStateException("Cannot save the group of points", e);
        }
    }

    /**
     * Deletes a saved group (the points and the meetings booked with it stay).
     *
     * @param id the group
     */
    public void deletePointGroup(long id) {
        require(ConferencePermissions.BOOKING_MANAGE, "conference.group.delete");
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                String name;
                try (PreparedStatement ps = c.prepareStatement("SELECT name FROM conf_point_group WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new ConferenceException("conference.error.unknown-group", id);
                        }
                        name = rs.getString(1);
                    }
                }
                try (PreparedStatement members = c.prepareStatement("DELETE FROM conf_point_group_member WHERE group_id = ?");
                        PreparedStatement group = c.prepareStatement("DELETE FROM conf_point_group WHERE id = ?")) {
                    members.setLong(1, id);
                    members.executeUpdate();
                    group.setLong(1, id);
                    group.executeUpdate();
                }
                c.commit();
                audit.record("conference.group.delete", String.valueOf(id), Outcome.SUCCESS,
                        AuditLog.Message.of("conference.audit.group-deleted", name));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete the group of points", e);
        }
    }

    // ---------------------------------------------------------------- booking

    /**
     * The occurrences a booking would have (before dropping any), validated.
     *
     * @param request the booking
     * @return their slots in order
     */
    public List<Slot> occurrencesOf(BookingRequest request) {
        if (request.start() == null || request.end() == null) {
            throw new ConferenceException("conference.error.time-missing");
        }
        if (!request.end().isAfter(request.start())) {
            throw new ConferenceException("conference.error.end-before-start");
        }
        Duration length = Duration.between(request.start(), request.end());
        if (length.compareTo(settings.maxMeeting()) > 0) {
            throw new ConferenceException("conference.error.too-long", settings.maxMeeting().toHours());
        }
        List<LocalDateTime> starts;
        if (request.recurrence() == null) {
            starts = List.of(request.start());
        } else {
            try {
                starts = Recurrence.expand(request.recurrence().rrule(request.start()), request.start(),
                        settings.maxOccurrences());
            } catch (Recurrence.RecurrenceException e) {
                throw new ConferenceException(e.key(), settings.maxOccurrences());
            }
        }
        return starts.stream().map(s -> new Slot(s.atZone(Formats.ZONE).toInstant(), s.plus(length).atZone(Formats.ZONE)
                .toInstant())).toList();
    }

    /**
     * Books a meeting or a series, whole or not at all. Every point of every occurrence not dropped
     * is checked (setup buffer, blackouts, maintenance) under the points' row locks; when anything
     * clashes nothing is saved and every conflict is returned.
     *
     * @param request the booking
     * @return the meeting, or the conflicts
     */
    public BookingResult book(BookingRequest request) {
        CurrentUser user = users.current();
        require(ConferencePermissions.BOOKING_MANAGE, "conference.meeting.book");
        checkBooking(request);
        List<Slot> all = occurrencesOf(request);
        String rrule = request.recurrence() == null ? null : request.recurrence().rrule(request.start());
        return retryingTransient("Cannot book the meeting", () -> {
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try {
                    BookingResult result = insertBooking(c, user, request, rrule, all, null);
                    if (!result.saved()) {
                        c.rollback();
                        audit.record("conference.meeting.book", "", Outcome.DENIED,
                                AuditLog.Message.of("conference.audit.conflicts", request.title().strip(),
                                        result.conflicts().size()));
                        return result;
                    }
                    c.commit();
                    audit.record("conference.meeting.book", String.valueOf(result.meetingId()), Outcome.SUCCESS,
                            AuditLog.Message.of("conference.audit.booked", request.title().strip(), result.occurrences(),
                                    request.pointIds().size()));
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        });
    }

    /** The checks of a booking's fields that do not need the database. */
    void checkBooking(BookingRequest request) {
        checkText(request.title(), 200, "conference.field.title");
        if (request.agenda().length() > 8000) {
            throw new ConferenceException("conference.error.too-long-text", 8000);
        }
        if (request.chair().length() > 120) {
            throw new ConferenceException("conference.error.too-long-text", 120);
        }
        if (request.pointIds().isEmpty()) {
            throw new ConferenceException("conference.error.no-points");
        }
        if (!request.pointIds().contains(request.hostPointId())) {
            throw new ConferenceException("conference.error.host-not-participating");
        }
    }

    /**
     * The booking path inside the caller's transaction, which commits or rolls back: locks the
     * points, checks every kept occurrence and, when nothing clashes, writes the meeting, its
     * points, occurrences and busy rows. Used by {@link #book} and by the .ics import.
     *
     * @param importUid the UID of the imported event, or null
     * @return the meeting, or the conflicts (nothing written)
     */
    BookingResult insertBooking(Connection c, CurrentUser user, BookingRequest request, String rrule, List<Slot> all,
            String importUid) throws SQLException {
        List<Slot> kept = all.stream().filter(s -> !request.droppedOccurrences().contains(s.start())).toList();
        if (kept.isEmpty()) {
            throw new ConferenceException("conference.error.no-occurrences");
        }
        Duration longestSlot = kept.stream().map(s -> Duration.between(s.start(), s.end())).max(Duration::compareTo)
                .orElseThrow();
        Locked locked = lockPoints(c, request.pointIds(), longestSlot);
        List<Conflict> conflicts = ConflictCheck.conflicts(kept, locked.points(),
                busy(c, request.pointIds(), kept, Set.of(), locked.longest()), settings.setupBuffer());
        if (!conflicts.isEmpty()) {
            return new BookingResult(0, 0, conflicts);
        }
        String uid = UUID.randomUUID().toString();
        long meetingId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conf_meeting (uid, title, agenda, chair, "
                + "host_point_id, rrule, room_link, visibility, status, sequence_no, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, uid);
            ps.setString(2, request.title().strip());
            ps.setString(3, request.agenda());
            ps.setString(4, request.chair().strip());
            ps.setLong(5, request.hostPointId());
            ps.setString(6, rrule);
            ps.setString(7, settings.roomLink(uid.substring(0, 8) + "-" + uid.substring(9, 13)));
            ps.setString(8, request.visibility().name());
            ps.setString(9, SCHEDULED);
            ps.setString(10, user.id());
            ps.setTimestamp(11, Timestamp.from(now()));
            ps.executeUpdate();
            meetingId = generatedId(ps);
        }
        if (importUid != null) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE conf_meeting SET import_uid = ? WHERE id = ?")) {
                ps.setString(1, importUid);
                ps.setLong(2, meetingId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO conf_meeting_point (meeting_id, point_id) VALUES (?, ?)")) {
            for (long pointId : new TreeSet<>(request.pointIds())) {
                ps.setLong(1, meetingId);
                ps.setLong(2, pointId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (Slot slot : all) {
            boolean dropped = request.droppedOccurrences().contains(slot.start());
            long occurrenceId = insertOccurrence(c, meetingId, slot, dropped ? EXCLUDED : SCHEDULED);
            if (!dropped) {
                insertBusy(c, occurrenceId, request.pointIds(), slot);
            }
        }
        return new BookingResult(meetingId, kept.size(), List.of());
    }

    /**
     * One meeting of an .ics import, as the booking path takes it.
     *
     * @param request the booking (title, agenda, points, dropped occurrences)
     * @param rrule the file's RRULE, or null
     * @param slots every occurrence, as the file gives them
     * @param importUid the file's UID
     */
    record Planned(BookingRequest request, String rrule, List<Slot> slots, String importUid) {
    }

    /**
     * What became of an import.
     *
     * @param results one per planned meeting, in order: saved, refused with its conflicts, or
     *     (meeting 0, no conflicts) skipped as already imported
     * @param alreadyImported the UIDs found already imported, skipped
     * @param committed whether the meetings were saved
     */
    record ImportOutcome(List<BookingResult> results, Set<String> alreadyImported, boolean committed) {
    }

    /**
     * Books the meetings of an import through the booking path, all or nothing, in one
     * transaction: every involved point is locked first (in id order), events already imported
     * (same UID) are skipped, each meeting is checked against what is booked and against the
     * meetings of the file before it. Without {@code commit}, or when anything clashes, the
     * transaction is rolled back: the outcome is the preview.
     *
     * @param planned the meetings, in file order
     * @param commit whether to save when nothing clashes
     * @param source the file's name, for the audit log
     * @return the outcome
     */
    ImportOutcome importMeetings(List<Planned> planned, boolean commit, String source) {
        CurrentUser user = users.current();
        require(ConferencePermissions.BOOKING_MANAGE, "conference.meeting.import");
        planned.forEach(p -> checkBooking(p.request()));
        if (planned.isEmpty()) {
            return new ImportOutcome(List.of(), Set.of(), false);
        }
        Set<Long> allPoints = new TreeSet<>();
        planned.forEach(p -> allPoints.addAll(p.request().pointIds()));
        Duration longest = planned.stream().flatMap(p -> p.slots().stream())
                .map(s -> Duration.between(s.start(), s.end())).max(Duration::compareTo).orElse(Duration.ZERO);
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                lockPoints(c, allPoints, longest);
                Set<String> known = new TreeSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM conf_meeting WHERE import_uid = ?")) {
                    for (Planned p : planned) {
                        ps.setString(1, p.importUid());
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                known.add(p.importUid());
                            }
                        }
                    }
                }
                List<BookingResult> results = new ArrayList<>();
                boolean clash = false;
                int saved = 0;
                for (Planned p : planned) {
                    if (known.contains(p.importUid())) {
                        results.add(new BookingResult(0, 0, List.of()));
                        continue;
                    }
                    BookingResult result = insertBooking(c, user, p.request(), p.rrule(), p.slots(), p.importUid());
                    results.add(result);
                    clash |= !result.saved();
                    saved += result.saved() ? 1 : 0;
                }
                if (!commit || clash || saved == 0) {
                    c.rollback();
                    if (commit) {
                        audit.record("conference.meeting.import", "", Outcome.DENIED,
                                AuditLog.Message.of("conference.audit.import-refused", source,
                                        results.stream().mapToInt(r -> r.conflicts().size()).sum(), known.size()));
                    }
                    return new ImportOutcome(results, known, false);
                }
                c.commit();
                for (int i = 0; i < planned.size(); i++) {
                    BookingResult r = results.get(i);
                    if (r.saved()) {
                        BookingRequest request = planned.get(i).request();
                        audit.record("conference.meeting.import", String.valueOf(r.meetingId()), Outcome.SUCCESS,
                                AuditLog.Message.of("conference.audit.imported", request.title().strip(),
                                        r.occurrences(), request.pointIds().size(), source, planned.get(i).importUid()));
                    }
                }
                return new ImportOutcome(results, known, true);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                // The same file imported at the same moment by someone else: the unique UID decides.
                throw new ConferenceException("conference.import.error.already-imported");
            }
            throw new IllegalStateException("Cannot import the meetings", e);
        }
    }

    /** The most times a booking or a move is run when the database rolls it back for a transient reason. */
    static final int TRANSIENT_ATTEMPTS = 8;

    /** A transaction that may be rolled back by the database and run again. */
    @FunctionalInterface
    private interface Transaction<T> {
        T run() throws SQLException;
    }

    /**
     * Runs a transaction again (after a short random pause) when the database rolls it back for a
     * transient reason (SQLState class 40: a deadlock, a lock wait timeout, Derby's identity
     * generator under contention; PostgreSQL's serialization failure or deadlock). Every run starts
     * over on a fresh connection, so it takes the points' locks and checks again: a loser of a race
     * is then told what it clashes with instead of failing.
     */
    private static <T> T retryingTransient(String failure, Transaction<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.run();
            } catch (SQLException e) {
                if (attempt >= TRANSIENT_ATTEMPTS || !isTransient(e)) {
                    throw new IllegalStateException(failure, e);
                }
                LOG.info("{}: rolled back by the database ({} {}), running it again (attempt {})", failure, e.getSQLState(),
                        e.getMessage(), attempt + 1);
                try {
                    Thread.sleep(5 + RANDOM.nextInt(20 * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(failure, e);
                }
            }
        }
    }

    private static boolean isTransient(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null && s.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The locked points and the longest busy row any of them has (an upper bound, minutes rounded
     * up): how far before an occurrence the check must look for rows that still overlap it.
     */
    private record Locked(List<ConnectionPoint> points, Duration longest) {
    }

    /**
     * Writes every involved point's row (in id order), holding its lock to the end of the
     * transaction, and raises each point's longest busy row to the length about to be booked.
     */
    private Locked lockPoints(Connection c, Set<Long> pointIds, Duration booked) throws SQLException {
        int minutes = (int) Math.min(Integer.MAX_VALUE, (booked.toSeconds() + 59) / 60);
        try (PreparedStatement ps = c.prepareStatement("UPDATE conf_point SET lock_version = lock_version + 1, "
                + "longest_busy_minutes = CASE WHEN longest_busy_minutes < ? THEN CAST(? AS INT) "
                + "ELSE longest_busy_minutes END WHERE id = ?")) {
            for (long id : new TreeSet<>(pointIds)) {
                ps.setInt(1, minutes);
                ps.setInt(2, minutes);
                ps.setLong(3, id);
                if (ps.executeUpdate() != 1) {
                    throw new ConferenceException("conference.error.unknown-point", id);
                }
            }
        }
        // Read back only the rows this transaction holds, one primary-key look-up each: a query over
        // several ids (IN) may scan the table and wait for another booking's locked point while that
        // booking waits for one of ours (a deadlock the 100-scheduler benchmark found).
        int longest = 0;
        List<ConnectionPoint> points = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + POINT_COLUMNS + ", longest_busy_minutes, sort_order "
                + "FROM conf_point WHERE id = ?")) {
            Map<ConnectionPoint, Integer> order = new java.util.HashMap<>();
            for (long id : new TreeSet<>(pointIds)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ConnectionPoint point = point(rs);
                    longest = Math.max(longest, rs.getInt(13));
                    order.put(point, rs.getInt(14));
                    points.add(point);
                }
            }
            points.sort(java.util.Comparator.<ConnectionPoint>comparingInt(order::get).thenComparingLong(ConnectionPoint::id));
        }
        return new Locked(points, Duration.ofMinutes(longest));
    }

    private static Slot span(List<Slot> slots) {
        Instant from = slots.stream().map(Slot::start).min(Instant::compareTo).orElseThrow();
        Instant to = slots.stream().map(Slot::end).max(Instant::compareTo).orElseThrow();
        return new Slot(from, to);
    }

    /** One row of conf_busy. */
    private record BusyRow(long pointId, Slot slot, long occurrenceId) {
    }

    /**
     * What occupies the points near the occurrences (meetings within the setup buffer, blackouts),
     * except some occurrences' own rows (those being moved). Only the busy rows that can overlap are read: for each
     * occurrence those starting after (its start − buffer − the longest busy row of the points)
     * and before (its end + buffer), one indexed range each ({@code ix_conf_busy_start}); windows
     * that touch are merged so no row is read twice.
     */
    private List<Busy> busy(Connection c, Set<Long> pointIds, List<Slot> occurrences, Set<Long> exceptOccurrences,
            Duration longest) throws SQLException {
        Duration buffer = settings.setupBuffer();
        List<Slot> windows = new ArrayList<>();
        for (Slot o : occurrences.stream().sorted(java.util.Comparator.comparing(Slot::start)).toList()) {
            Instant from = o.start().minus(buffer).minus(longest).minusSeconds(1);
            Instant to = o.end().plus(buffer);
            Slot last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && !from.isAfter(last.end())) {
                windows.set(windows.size() - 1, new Slot(last.start(), to.isAfter(last.end()) ? to : last.end()));
            } else {
                windows.add(new Slot(from, to));
            }
        }
        List<BusyRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT point_id, starts_at, ends_at, occurrence_id FROM conf_busy WHERE starts_at > ? AND starts_at < ?")) {
            for (Slot window : windows) {
                ps.setTimestamp(1, Timestamp.from(window.start()));
                ps.setTimestamp(2, Timestamp.from(window.end()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long point = rs.getLong(1);
                        long occurrence = rs.getLong(4);
                        if (pointIds.contains(point) && !exceptOccurrences.contains(occurrence)) {
                            rows.add(new BusyRow(point, new Slot(rs.getTimestamp(2).toInstant(),
                                    rs.getTimestamp(3).toInstant()), occurrence));
                        }
                    }
                }
            }
        }
        Map<Long, String> titles = titles(c, rows.stream().map(BusyRow::occurrenceId).collect(Collectors.toSet()));
        List<Busy> found = new ArrayList<>();
        for (BusyRow row : rows) {
            found.add(new Busy(row.pointId(), row.slot(), Conflict.Kind.MEETING, titles.getOrDefault(row.occurrenceId(), "")));
        }
        Slot span = span(occurrences);
        String in = pointIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("SELECT point_id, starts_at, ends_at, reason FROM conf_blackout "
                + "WHERE point_id IN (" + in + ") AND starts_at < ? AND ends_at > ?")) {
            int i = bindIds(ps, pointIds);
            ps.setTimestamp(i++, Timestamp.from(span.end()));
            ps.setTimestamp(i, Timestamp.from(span.start()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Busy(rs.getLong(1), new Slot(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()),
                            Conflict.Kind.BLACKOUT, rs.getString(4)));
                }
            }
        }
        return found;
    }

    /** The meeting titles of occurrences, by occurrence id (primary-key look-ups, in fixed-size batches). */
    private static Map<Long, String> titles(Connection c, Set<Long> occurrenceIds) throws SQLException {
        Map<Long, Long> meetingOf = new java.util.HashMap<>();
        byIds(c, "SELECT id, meeting_id FROM conf_occurrence WHERE id IN ", occurrenceIds,
                rs -> meetingOf.put(rs.getLong(1), rs.getLong(2)));
        Map<Long, String> titleOf = new java.util.HashMap<>();
        byIds(c, "SELECT id, title FROM conf_meeting WHERE id IN ", new java.util.HashSet<>(meetingOf.values()),
                rs -> titleOf.put(rs.getLong(1), rs.getString(2)));
        Map<Long, String> titles = new java.util.HashMap<>();
        meetingOf.forEach((occurrence, meeting) -> titles.put(occurrence, titleOf.get(meeting)));
        return titles;
    }

    /** Reads a row handler for each of a set of ids. */
    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static final int BATCH = 64;

    /** Runs {@code select + "(?, ?, …)"} over the ids in batches of one fixed size (the last padded), so one statement is compiled. */
    private static void byIds(Connection c, String select, Collection<Long> ids, RowHandler handler) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> all = new ArrayList<>(ids);
        try (PreparedStatement ps = c.prepareStatement(select + "("
                + java.util.stream.IntStream.range(0, BATCH).mapToObj(i -> "?").collect(Collectors.joining(", ")) + ")")) {
            for (int from = 0; from < all.size(); from += BATCH) {
                for (int i = 0; i < BATCH; i++) {
                    ps.setLong(i + 1, all.get(Math.min(from + i, all.size() - 1)));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
            }
        }
    }

    private static int bindIds(PreparedStatement ps, Collection<Long> ids) throws SQLException {
        int i = 1;
        for (long id : ids) {
            ps.setLong(i++, id);
        }
        return i;
    }

    private long insertOccurrence(Connection c, long meetingId, Slot slot, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conf_occurrence (meeting_id, original_start, starts_at, "
                + "ends_at, status, sequence_no) VALUES (?, ?, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, meetingId);
            ps.setTimestamp(2, Timestamp.from(slot.start()));
            ps.setTimestamp(3, Timestamp.from(slot.start()));
            ps.setTimestamp(4, Timestamp.from(slot.end()));
            ps.setString(5, status);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    private static void insertBusy(Connection c, long occurrenceId, Collection<Long> pointIds, Slot slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO conf_busy (occurrence_id, point_id, starts_at, ends_at) VALUES (?, ?, ?, ?)")) {
            for (long pointId : pointIds) {
                ps.setLong(1, occurrenceId);
                ps.setLong(2, pointId);
                ps.setTimestamp(3, Timestamp.from(slot.start()));
                ps.setTimestamp(4, Timestamp.from(slot.end()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---------------------------------------------------------------- changes to a series

    /** Which occurrences a change applies to. */
    public enum Scope {
        /** This occurrence only. */
        THIS,
        /** This occurrence and every later one of the series. */
        THIS_AND_FOLLOWING,
        /** The whole series. */
        ALL
    }

    /**
     * Cancels one occurrence, this and the following ones, or the whole series. Cancelled
     * occurrences are kept (the series' exceptions) with a raised SEQUENCE, so feeds and
     * invitations say STATUS:CANCELLED; their points are free again.
     *
     * @param occurrenceId an occurrence of the series
     * @param scope which ones
     * @return the cancelled occurrences as calendars show them
     */
    public List<CalendarEntry> cancel(long occurrenceId, Scope scope) {
        require(ConferencePermissions.BOOKING_MANAGE, "conference.meeting.cancel");
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                long[] meetingAndStart = occurrenceKey(c, occurrenceId);
                long meetingId = meetingAndStart[0];
                Instant original = Instant.ofEpochMilli(meetingAndStart[1]);
                String where = switch (scope) {
                    case THIS -> "id = ?";
                    case THIS_AND_FOLLOWING -> "meeting_id = ? AND original_start >= ?";
                    case ALL -> "meeting_id = ?";
                };
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM conf_occurrence WHERE " + where + " AND status = '" + SCHEDULED + "'")) {
                    if (scope == Scope.THIS) {
                        ps.setLong(1, occurrenceId);
                    } else {
                        ps.setLong(1, meetingId);
                        if (scope == Scope.THIS_AND_FOLLOWING) {
                            ps.setTimestamp(2, Timestamp.from(original));
                        }
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                try (PreparedStatement free = c.prepareStatement("DELETE FROM conf_busy WHERE occurrence_id = ?");
                        PreparedStatement mark = c.prepareStatement("UPDATE conf_occurrence SET status = ?, "
                                + "sequence_no = sequence_no + 1 WHERE id = ?")) {
                    for (long id : ids) {
                        free.setLong(1, id);
                        free.executeUpdate();
                        mark.setString(1, CANCELLED);
                        mark.setLong(2, id);
                        mark.executeUpdate();
                    }
                }
                if (scope == Scope.ALL) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE conf_meeting SET status = ?, sequence_no = sequence_no + 1 WHERE id = ?")) {
                        ps.setString(1, CANCELLED);
                        ps.setLong(2, meetingId);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                c.setAutoCommit(true);
                audit.record("conference.meeting.cancel", String.valueOf(meetingId), Outcome.SUCCESS,
                        AuditLog.Message.of("conference.audit.cancelled", ids.size(), scope.name()));
                return entries(c, "o.id IN (" + (ids.isEmpty() ? "-1" : ids.stream().map(String::valueOf)
                        .collect(Collectors.joining(", "))) + ")", List.of());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot cancel", e);
        }
    }

    /**
     * Moves one occurrence (an exception of its series), checked against every point's other
     * bookings under their row locks as a booking is.
     *
     * @param occurrenceId the occurrence
     * @param start its new local start
     * @param end its new local end
     * @return the conflicts; empty when moved
     */
    public List<Conflict> move(long occurrenceId, LocalDateTime start, LocalDateTime end) {
        require(ConferencePermissions.BOOKING_MANAGE, "conference.occurrence.move");
        if (start == null || end == null || !end.isAfter(start)) {
            throw new ConferenceException("conference.error.end-before-start");
        }
        if (Duration.between(start, end).compareTo(settings.maxMeeting()) > 0) {
            throw new ConferenceException("conference.error.too-long", settings.maxMeeting().toHours());
        }
        Slot slot = new Slot(start.atZone(Formats.ZONE).toInstant(), end.atZone(Formats.ZONE).toInstant());
        return retryingTransient("Cannot move the occurrence", () -> {
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try {
                    long meetingId = occurrenceKey(c, occurrenceId)[0];
                    Set<Long> pointIds = meetingPoints(c, meetingId);
                    Locked locked = lockPoints(c, pointIds, Duration.between(start, end));
                    List<Busy> existing = busy(c, pointIds, List.of(slot), Set.of(occurrenceId), locked.longest());
                    List<Conflict> conflicts = ConflictCheck.conflicts(List.of(slot), locked.points(), existing,
                            settings.setupBuffer());
                    if (!conflicts.isEmpty()) {
                        c.rollback();
                        return conflicts;
                    }
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM conf_busy WHERE occurrence_id = ?")) {
                        ps.setLong(1, occurrenceId);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("UPDATE conf_occurrence SET starts_at = ?, ends_at = ?, "
                            + "sequence_no = sequence_no + 1 WHERE id = ?")) {
                        ps.setTimestamp(1, Timestamp.from(slot.start()));
                        ps.setTimestamp(2, Timestamp.from(slot.end()));
                        ps.setLong(3, occurrenceId);
                        ps.executeUpdate();
                    }
                    insertBusy(c, occurrenceId, pointIds, slot);
                    c.commit();
                    audit.record("conference.occurrence.move", String.valueOf(occurrenceId), Outcome.SUCCESS,
                            AuditLog.Message.of("conference.audit.moved", Formats.dateTime(slot.start(), null)));
                    return List.of();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        });
    }

    /**
     * What an edit of a series changes, from one occurrence on.
     *
     * @param title the new title
     * @param agenda the new agenda (Markdown)
     * @param start the new local start time of each occurrence (its date stays)
     * @param end the new local end time, the same day
     * @param pointIds every participating point, the host included
     */
    public record SeriesEdit(String title, String agenda, LocalTime start, LocalTime end, Set<Long> pointIds) {

        /** Normalises the fields. */
        public SeriesEdit {
            title = java.util.Objects.requireNonNullElse(title, "");
            agenda = java.util.Objects.requireNonNullElse(agenda, "");
            pointIds = pointIds == null ? Set.of() : Set.copyOf(pointIds);
        }
    }

    /**
     * Edits one occurrence, this and the following ones, or the whole series: title, agenda, times
     * of day and points. The whole edit is checked first (every changed occurrence at every point,
     * under the points' row locks, as a booking is); when anything clashes nothing is saved and
     * every conflict is returned.
     *
     * <p>The whole series is changed in place: its occurrences keep their identities (UIDs) and
     * their SEQUENCE is raised. One occurrence, or this and the following ones, are split off as
     * RFC 5545 recommends: the old series ends before them (its RRULE gets an UNTIL, or the single
     * occurrence becomes an exception) with its SEQUENCE raised, and a new meeting (its own UID, the
     * same room link, a copy of the documents) takes them with the changes. An edit "this and the
     * following" from a series' first occurrence is an edit of the whole series.
     *
     * @param occurrenceId the occurrence the edit starts from
     * @param scope which occurrences
     * @param edit the changes
     * @return the meeting that now holds the edited occurrences and how many, or the conflicts
     */
    public BookingResult edit(long occurrenceId, Scope scope, SeriesEdit edit) {
        CurrentUser user = users.current();
        require(ConferencePermissions.BOOKING_MANAGE, "conference.meeting.update");
        checkText(edit.title(), 200, "conference.field.title");
        if (edit.agenda().length() > 8000) {
            throw new ConferenceException("conference.error.too-long-text", 8000);
        }
        if (edit.pointIds().isEmpty()) {
            throw new ConferenceException("conference.error.no-points");
        }
        if (edit.start() == null || edit.end() == null || !edit.end().isAfter(edit.start())) {
            throw new ConferenceException("conference.error.end-before-start");
        }
        Duration length = Duration.between(edit.start(), edit.end());
        if (length.compareTo(settings.maxMeeting()) > 0) {
            throw new ConferenceException("conference.error.too-long", settings.maxMeeting().toHours());
        }
        Edited edited = retryingTransient("Cannot edit the series", () -> {
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try {
                    Edited result = editIn(c, user, occurrenceId, scope, edit, length);
                    if (result.result().saved()) {
                        c.commit();
                    } else {
                        c.rollback();
                    }
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        });
        if (edited.result().saved()) {
            seriesEdited(edited.fromMeeting(), edited.replaced(), edited.result().meetingId());
        }
        return edited.result();
    }

    /**
     * Called after an edit was saved (the platform sends the invitations).
     *
     * @param fromMeeting the meeting the edit started from
     * @param replaced its occurrences split off into {@code toMeeting} (empty when changed in place)
     * @param toMeeting the meeting that holds the edited occurrences
     */
    protected void seriesEdited(long fromMeeting, List<Long> replaced, long toMeeting) {
        // Nothing here: the platform's service notifies the points.
    }

    /**
     * Occurrences as calendars show them, whatever their status, for invitations.
     *
     * @param occurrenceIds the occurrences
     * @return them in start order
     */
    List<CalendarEntry> occurrenceEntries(Collection<Long> occurrenceIds) {
        if (occurrenceIds.isEmpty()) {
            return List.of();
        }
        try (Connection c = database.dataSource().getConnection()) {
            return entries(c, "o.id IN (" + occurrenceIds.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")",
                    List.of());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the occurrences", e);
        }
    }

    /** What an edit did: its result, the meeting it started from and the occurrences split off it. */
    private record Edited(BookingResult result, long fromMeeting, List<Long> replaced) {
    }

    private Edited editIn(Connection c, CurrentUser user, long occurrenceId, Scope scope, SeriesEdit edit,
            Duration length) throws SQLException {
        long[] key = occurrenceKey(c, occurrenceId);
        long meetingId = key[0];
        Timestamp original = Timestamp.from(Instant.ofEpochMilli(key[1]));
        long host;
        String chair;
        String rrule;
        String roomLink;
        String visibility;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT host_point_id, chair, rrule, room_link, visibility FROM conf_meeting WHERE id = ?")) {
            ps.setLong(1, meetingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                host = rs.getLong(1);
                chair = rs.getString(2);
                rrule = rs.getString(3);
                roomLink = rs.getString(4);
                visibility = rs.getString(5);
            }
        }
        if (!edit.pointIds().contains(host)) {
            throw new ConferenceException("conference.error.host-not-participating");
        }
        Scope effective = scope;
        if (scope == Scope.THIS_AND_FOLLOWING) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM conf_occurrence WHERE meeting_id = ? AND original_start < ?")) {
                ps.setLong(1, meetingId);
                ps.setTimestamp(2, original);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        effective = Scope.ALL;
                    }
                }
            }
        }
        // The scheduled occurrences the edit changes, and where each will be.
        Map<Long, Slot> moved = new LinkedHashMap<>();
        Map<Long, Slot> before = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, starts_at, ends_at FROM conf_occurrence WHERE meeting_id = ? "
                + "AND status = '" + SCHEDULED + "'" + switch (effective) {
                    case THIS -> " AND id = ?";
                    case THIS_AND_FOLLOWING -> " AND original_start >= ?";
                    case ALL -> "";
                } + " ORDER BY original_start")) {
            ps.setLong(1, meetingId);
            if (effective == Scope.THIS) {
                ps.setLong(2, occurrenceId);
            } else if (effective == Scope.THIS_AND_FOLLOWING) {
                ps.setTimestamp(2, original);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.time.LocalDate day = rs.getTimestamp(2).toInstant().atZone(Formats.ZONE).toLocalDate();
                    moved.put(rs.getLong(1), new Slot(day.atTime(edit.start()).atZone(Formats.ZONE).toInstant(),
                            day.atTime(edit.end()).atZone(Formats.ZONE).toInstant()));
                    before.put(rs.getLong(1), new Slot(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
                }
            }
        }
        if (moved.isEmpty()) {
            throw new ConferenceException("conference.error.no-occurrences");
        }
        List<Slot> slots = List.copyOf(moved.values());
        Locked locked = lockPoints(c, edit.pointIds(), length);
        List<Conflict> conflicts = ConflictCheck.conflicts(slots, locked.points(),
                busy(c, edit.pointIds(), slots, moved.keySet(), locked.longest()), settings.setupBuffer());
        if (!conflicts.isEmpty()) {
            audit.record("conference.meeting.update", String.valueOf(meetingId), Outcome.DENIED,
                    AuditLog.Message.of("conference.audit.conflicts", edit.title().strip(), conflicts.size()));
            return new Edited(new BookingResult(0, 0, conflicts), meetingId, List.of());
        }
        long result;
        if (effective == Scope.ALL) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE conf_meeting SET title = ?, agenda = ?, sequence_no = sequence_no + 1 WHERE id = ?")) {
                ps.setString(1, edit.title().strip());
                ps.setString(2, edit.agenda());
                ps.setLong(3, meetingId);
                ps.executeUpdate();
            }
            replacePoints(c, meetingId, edit.pointIds());
            try (PreparedStatement free = c.prepareStatement("DELETE FROM conf_busy WHERE occurrence_id = ?");
                    PreparedStatement times = c.prepareStatement("UPDATE conf_occurrence SET starts_at = ?, ends_at = ?, "
                            + "sequence_no = sequence_no + ? WHERE id = ?")) {
                for (Map.Entry<Long, Slot> m : moved.entrySet()) {
                    free.setLong(1, m.getKey());
                    free.executeUpdate();
                    times.setTimestamp(1, Timestamp.from(m.getValue().start()));
                    times.setTimestamp(2, Timestamp.from(m.getValue().end()));
                    times.setInt(3, m.getValue().equals(before.get(m.getKey())) ? 0 : 1);
                    times.setLong(4, m.getKey());
                    times.executeUpdate();
                    insertBusy(c, m.getKey(), edit.pointIds(), m.getValue());
                }
            }
            result = meetingId;
        } else {
            String uid = UUID.randomUUID().toString();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO conf_meeting (uid, title, agenda, chair, "
                    + "host_point_id, rrule, room_link, visibility, status, sequence_no, created_by, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, uid);
                ps.setString(2, edit.title().strip());
                ps.setString(3, edit.agenda());
                ps.setString(4, chair);
                ps.setLong(5, host);
                ps.setString(6, effective == Scope.THIS || rrule == null ? null : withEnd(rrule, "COUNT=" + moved.size()));
                ps.setString(7, roomLink);
                ps.setString(8, visibility);
                ps.setString(9, SCHEDULED);
                ps.setString(10, user.id());
                ps.setTimestamp(11, Timestamp.from(now()));
                ps.executeUpdate();
                result = generatedId(ps);
            }
            replacePoints(c, result, edit.pointIds());
            try (PreparedStatement free = c.prepareStatement("DELETE FROM conf_busy WHERE occurrence_id = ?");
                    PreparedStatement split = c.prepareStatement("UPDATE conf_occurrence SET status = ?, "
                            + "sequence_no = sequence_no + 1 WHERE id = ?")) {
                for (Map.Entry<Long, Slot> m : moved.entrySet()) {
                    free.setLong(1, m.getKey());
                    free.executeUpdate();
                    split.setString(1, EXCLUDED);
                    split.setLong(2, m.getKey());
                    split.executeUpdate();
                    insertBusy(c, insertOccurrence(c, result, m.getValue(), SCHEDULED), edit.pointIds(), m.getValue());
                }
            }
            // The old series ends before the split (or loses the one occurrence): its revision rises.
            String until = effective == Scope.THIS_AND_FOLLOWING && rrule != null
                    ? withEnd(rrule, "UNTIL=" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                            .format(original.toInstant().atZone(Formats.ZONE).toLocalDateTime().minusSeconds(1)))
                    : rrule;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE conf_meeting SET rrule = ?, sequence_no = sequence_no + 1 WHERE id = ?")) {
                ps.setString(1, until);
                ps.setLong(2, meetingId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO conf_document (meeting_id, file_name, media_type, "
                    + "size_bytes, content, uploaded_by, uploaded_at) SELECT ?, file_name, media_type, size_bytes, content, "
                    + "uploaded_by, uploaded_at FROM conf_document WHERE meeting_id = ? ORDER BY id")) {
                ps.setLong(1, result);
                ps.setLong(2, meetingId);
                ps.executeUpdate();
            }
        }
        audit.record("conference.meeting.update", String.valueOf(result), Outcome.SUCCESS,
                AuditLog.Message.of("conference.audit.series-edited", edit.title().strip(), moved.size(), effective.name()));
        return new Edited(new BookingResult(result, moved.size(), List.of()), meetingId,
                result == meetingId ? List.of() : List.copyOf(moved.keySet()));
    }

    /** An RRULE with its COUNT or UNTIL replaced by another end. */
    static String withEnd(String rrule, String end) {
        String kept = java.util.Arrays.stream(rrule.split(";")).filter(p -> !p.startsWith("COUNT=") && !p.startsWith("UNTIL="))
                .collect(Collectors.joining(";"));
        return kept + ";" + end;
    }

    private static void replacePoints(Connection c, long meetingId, Set<Long> pointIds) throws SQLException {
        try (PreparedStatement clear = c.prepareStatement("DELETE FROM conf_meeting_point WHERE meeting_id = ?")) {
            clear.setLong(1, meetingId);
            clear.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conf_meeting_point (meeting_id, point_id) VALUES (?, ?)")) {
            for (long pointId : new TreeSet<>(pointIds)) {
                ps.setLong(1, meetingId);
                ps.setLong(2, pointId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Changes a meeting's title and agenda for the whole series; every occurrence's revision is
     * raised, so subscribed calendars show the change.
     *
     * @param meetingId the meeting
     * @param title the new title
     * @param agenda the new agenda (Markdown)
     */
    public void updateDetails(long meetingId, String title, String agenda) {
        require(ConferencePermissions.BOOKING_MANAGE, "conference.meeting.update");
        checkText(title, 200, "conference.field.title");
        String body = agenda == null ? "" : agenda;
        if (body.length() > 8000) {
            throw new ConferenceException("conference.error.too-long-text", 8000);
        }
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE conf_meeting SET title = ?, agenda = ?, sequence_no = sequence_no + 1 WHERE id = ?")) {
            ps.setString(1, title.strip());
            ps.setString(2, body);
            ps.setLong(3, meetingId);
            if (ps.executeUpdate() != 1) {
                throw new ConferenceException("conference.error.unknown-meeting", meetingId);
            }
            audit.record("conference.meeting.update", String.valueOf(meetingId), Outcome.SUCCESS,
                    AuditLog.Message.of("conference.audit.updated", title.strip()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change the meeting", e);
        }
    }

    private static long[] occurrenceKey(Connection c, long occurrenceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT meeting_id, original_start FROM conf_occurrence WHERE id = ?")) {
            ps.setLong(1, occurrenceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ConferenceException("conference.error.unknown-occurrence", occurrenceId);
                }
                return new long[] {rs.getLong(1), rs.getTimestamp(2).toInstant().toEpochMilli()};
            }
        }
    }

    private static Set<Long> meetingPoints(Connection c, long meetingId) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT point_id FROM conf_meeting_point WHERE meeting_id = ?")) {
            ps.setLong(1, meetingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------- calendars

    /**
     * The occurrences in a span, cancelled ones included, for one point or all.
     *
     * @param span the span
     * @param pointId a point, or 0 for every point
     * @return the occurrences in start order
     */
    public List<CalendarEntry> calendar(Slot span, long pointId) {
        CurrentUser user = users.current();
        if (!user.isPermitted(ConferencePermissions.ATTENDANCE_RECORD)) {
            requireAny(ConferencePermissions.BOOKING_MANAGE, ConferencePermissions.READINESS_CONFIRM);
        }
        try (Connection c = database.dataSource().getConnection()) {
            return calendarOf(c, span, pointId);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the calendar", e);
        }
    }

    private List<CalendarEntry> calendarOf(Connection c, Slot span, long pointId) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(span.end()), Timestamp.from(span.start())));
        String where = "o.starts_at < ? AND o.ends_at > ? AND o.status <> '" + EXCLUDED + "'";
        if (pointId > 0) {
            where += " AND EXISTS (SELECT 1 FROM conf_meeting_point mp WHERE mp.meeting_id = m.id AND mp.point_id = ?)";
            args.add(pointId);
        }
        return entries(c, where, args);
    }

    /**
     * One meeting's occurrences (cancelled and dropped ones are not exported; cancelled ones are).
     *
     * @param meetingId the meeting
     * @return its occurrences
     */
    public List<CalendarEntry> meetingEntries(long meetingId) {
        requireAny(ConferencePermissions.BOOKING_MANAGE, ConferencePermissions.READINESS_CONFIRM);
        try (Connection c = database.dataSource().getConnection()) {
            return entries(c, "m.id = ? AND o.status <> '" + EXCLUDED + "'", List.of(meetingId));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the meeting", e);
        }
    }

    /**
     * The points of a meeting.
     *
     * @param meetingId the meeting
     * @return its points
     */
    public List<ConnectionPoint> pointsOf(long meetingId) {
        requireAny(ConferencePermissions.BOOKING_MANAGE, ConferencePermissions.READINESS_CONFIRM);
        try (Connection c = database.dataSource().getConnection()) {
            return readPoints(c, meetingPoints(c, meetingId));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the meeting", e);
        }
    }

    /**
     * A meeting's .ics export.
     *
     * @param meetingId the meeting
     * @param purpose export, invitation or cancellation
     * @return the iCalendar text
     */
    public String ics(long meetingId, IcsWriter.Purpose purpose) {
        return IcsWriter.write(meetingEntries(meetingId), purpose, now());
    }

    /** A meeting's columns as calendar entries need them. */
    private record MeetingRow(String uid, String title, String agenda, String roomLink, boolean cancelled, int sequence,
            String location) {
    }

    /**
     * A point's occurrences starting in a window, without joining each occurrence to its meeting:
     * the occurrences first (only this point's meetings, {@code ix_conf_mp_point} and
     * {@code ix_conf_occ_meeting_start}), then their few meetings once each, sorted here.
     */
    private static List<CalendarEntry> pointFeedEntries(Connection c, long pointId, Timestamp from, Timestamp to)
            throws SQLException {
        record OccurrenceRow(long id, long meetingId, Instant originalStart, Slot slot, boolean cancelled, int sequence) {
        }
        List<OccurrenceRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.id, o.meeting_id, o.original_start, o.starts_at, o.ends_at, "
                + "o.status, o.sequence_no FROM conf_occurrence o WHERE o.meeting_id IN (SELECT mp.meeting_id FROM "
                + "conf_meeting_point mp WHERE mp.point_id = ?) AND o.starts_at >= ? AND o.starts_at < ? "
                + "AND o.status <> '" + EXCLUDED + "'")) {
            ps.setLong(1, pointId);
            ps.setTimestamp(2, from);
            ps.setTimestamp(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OccurrenceRow(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                            new Slot(rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()),
                            CANCELLED.equals(rs.getString(6)), rs.getInt(7)));
                }
            }
        }
        Map<Long, MeetingRow> meetings = new java.util.HashMap<>();
        byIds(c, "SELECT m.id, m.uid, m.title, m.agenda, m.room_link, m.status, m.sequence_no, p.name, p.room "
                + "FROM conf_meeting m JOIN conf_point p ON p.id = m.host_point_id WHERE m.id IN ",
                rows.stream().map(OccurrenceRow::meetingId).collect(Collectors.toSet()), rs -> {
                    String room = rs.getString(9);
                    meetings.put(rs.getLong(1), new MeetingRow(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), CANCELLED.equals(rs.getString(6)), rs.getInt(7),
                            rs.getString(8) + (room.isBlank() ? "" : " — " + room)));
                });
        rows.sort(java.util.Comparator.comparing((OccurrenceRow r) -> r.slot().start()).thenComparingLong(OccurrenceRow::id));
        List<CalendarEntry> found = new ArrayList<>(rows.size());
        for (OccurrenceRow r : rows) {
            MeetingRow m = meetings.get(r.meetingId());
            found.add(new CalendarEntry(r.id(), r.meetingId(), m.uid(), m.title(), m.agenda(), m.location(), m.roomLink(),
                    r.originalStart(), r.slot(), r.cancelled() || m.cancelled(), r.sequence() + m.sequence()));
        }
        return found;
    }

    private List<CalendarEntry> entries(Connection c, String where, List<Object> args) throws SQLException {
        List<CalendarEntry> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.id, " + MEETING_COLUMNS + ", o.original_start, o.starts_at, "
                + "o.ends_at, o.status, o.sequence_no, p.name, p.room FROM conf_occurrence o "
                + "JOIN conf_meeting m ON m.id = o.meeting_id JOIN conf_point p ON p.id = m.host_point_id WHERE " + where
                + " ORDER BY o.starts_at, o.id")) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean cancelled = CANCELLED.equals(rs.getString(7)) || CANCELLED.equals(rs.getString(12));
                    String room = rs.getString(15);
                    found.add(new CalendarEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(14) + (room.isBlank() ? "" : " — " + room), rs.getString(6),
                            rs.getTimestamp(9).toInstant(), new Slot(rs.getTimestamp(10).toInstant(),
                                    rs.getTimestamp(11).toInstant()), cancelled, rs.getInt(8) + rs.getInt(13)));
                }
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- feeds

    /** What a feed follows. */
    public enum FeedKind {
        /** A connection point's meetings. */
        POINT,
        /** A person's meetings: those they booked and those at the points they are the contact of. */
        PERSON
    }

    /**
     * Creates a subscribable feed token: unguessable (256 random bits), stored only as its SHA-256,
     * shown once.
     *
     * @param kind what it follows
     * @param subject the point id or the username
     * @return the token
     */
    public String createFeedToken(FeedKind kind, String subject) {
        CurrentUser user = users.current();
        boolean own = kind == FeedKind.PERSON && subject.equals(user.id());
        if (!own) {
            require(ConferencePermissions.BOOKING_MANAGE, "conference.feed.create");
        } else {
            requireAny(ConferencePermissions.BOOKING_MANAGE, ConferencePermissions.READINESS_CONFIRM);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO conf_feed_token (token_hash, kind, subject, "
                        + "created_by, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, hash(token));
            ps.setString(2, kind.name());
            ps.setString(3, limit(subject, 64));
            ps.setString(4, user.id());
            ps.setTimestamp(5, Timestamp.from(now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the feed token", e);
        }
        audit.record("conference.feed.create", kind + ":" + subject, Outcome.SUCCESS,
                AuditLog.Message.of("conference.audit.feed-created", kind.name(), subject));
        return token;
    }

    /**
     * Revokes every feed token of a subject: its old links stop working at once.
     *
     * @param kind what they follow
     * @param subject the point id or the username
     * @return how many were revoked
     */
    public int revokeFeedTokens(FeedKind kind, String subject) {
        if (!(kind == FeedKind.PERSON && subject.equals(users.current().id()))) {
            require(ConferencePermissions.BOOKING_MANAGE, "conference.feed.revoke");
        }
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE conf_feed_token SET revoked_at = ? "
                        + "WHERE kind = ? AND subject = ? AND revoked_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(now()));
            ps.setString(2, kind.name());
            ps.setString(3, subject);
            int revoked = ps.executeUpdate();
            audit.record("conference.feed.revoke", kind + ":" + subject, Outcome.SUCCESS,
                    AuditLog.Message.of("conference.audit.feed-revoked", revoked));
            return revoked;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot revoke the feed tokens", e);
        }
    }

    /** A feed carries the occurrences starting from this many days back... */
    static final int FEED_DAYS_BACK = 90;
    /** ...to this many days ahead: bounded, so a feed's cost does not grow with the years of history. */
    static final int FEED_DAYS_AHEAD = 400;

    /**
     * The feed a token opens, without a signed-in user: the occurrences starting from
     * {@value #FEED_DAYS_BACK} days back to {@value #FEED_DAYS_AHEAD} days ahead,
     * cancelled occurrences included (STATUS:CANCELLED).
     *
     * @param token the token from the link
     * @return the iCalendar text, empty for an unknown, malformed or revoked token
     */
    public Optional<String> feed(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        try (Connection c = database.dataSource().getConnection()) {
            String kind;
            String subject;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT kind, subject FROM conf_feed_token WHERE token_hash = ? AND revoked_at IS NULL")) {
                ps.setString(1, hash(token));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    kind = rs.getString(1);
                    subject = rs.getString(2);
                }
            }
            Instant now = now();
            Timestamp from = Timestamp.from(now.minus(FEED_DAYS_BACK, ChronoUnit.DAYS));
            Timestamp to = Timestamp.from(now.plus(FEED_DAYS_AHEAD, ChronoUnit.DAYS));
            List<CalendarEntry> entries;
            if (FeedKind.POINT.name().equals(kind)) {
                // Only this point's meetings (ix_conf_mp_point), and of those only the occurrences
                // starting in the window (ix_conf_occ_meeting_start): nothing unrelated is read.
                entries = pointFeedEntries(c, Long.parseLong(subject), from, to);
            } else {
                entries = entries(c, "o.starts_at >= ? AND o.starts_at < ? AND o.status <> '" + EXCLUDED + "' AND (m.created_by = ? "
                        + "OR EXISTS (SELECT 1 FROM conf_meeting_point mp JOIN conf_point p2 ON p2.id = mp.point_id "
                        + "WHERE mp.meeting_id = m.id AND p2.contact_user = ?))", List.of(from, to, subject, subject));
            }
            return Optional.of(IcsWriter.write(entries, IcsWriter.Purpose.PUBLISH, now));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the feed", e);
        }
    }

    // ---------------------------------------------------------------- readiness

    /** The checklist a point's technical contact confirms before a meeting. */
    public record Checklist(boolean connection, boolean camera, boolean microphone, boolean screen, boolean room) {

        /** @return whether every item is confirmed */
        public boolean complete() {
            return connection && camera && microphone && screen && room;
        }
    }

    /** A point's readiness colour on the board. */
    public enum Readiness {
        /** Every item confirmed. */
        GREEN,
        /** Not (fully) confirmed yet, and there is still time. */
        AMBER,
        /** Not ready at T−15 (the configured alert) or later. */
        RED
    }

    /**
     * One point's line on the readiness board.
     *
     * @param point the point
     * @param checklist what its contact confirmed, or null
     * @param confirmedBy who confirmed, or empty
     * @param readiness its colour
     */
    public record BoardLine(ConnectionPoint point, Checklist checklist, String confirmedBy, Readiness readiness) {
    }

    /**
     * Confirms (or corrects) a point's checklist for an occurrence. A technical contact may
     * confirm only for their own point; a coordinator for any.
     *
     * @param occurrenceId the occurrence
     * @param pointId the point
     * @param checklist what is ready
     */
    public void confirmReadiness(long occurrenceId, long pointId, Checklist checklist) {
        CurrentUser user = users.current();
        boolean coordinator = user.isPermitted(ConferencePermissions.BOOKING_MANAGE);
        if (!coordinator && !user.isPermitted(ConferencePermissions.READINESS_CONFIRM)) {
            audit.record("conference.readiness.confirm", String.valueOf(occurrenceId), Outcome.DENIED,
                    "missing " + ConferencePermissions.READINESS_CONFIRM);
            throw new AccessDeniedException(ConferencePermissions.READINESS_CONFIRM);
        }
        try (Connection c = database.dataSource().getConnection()) {
            List<ConnectionPoint> point = readPoints(c, Set.of(pointId));
            if (point.isEmpty()) {
                throw new ConferenceException("conference.error.unknown-point", pointId);
            }
            if (!coordinator && !user.id().equals(point.get(0).contactUser())) {
                audit.record("conference.readiness.confirm", String.valueOf(occurrenceId), Outcome.DENIED,
                        "not the contact of point " + pointId);
                throw new AccessDeniedException(ConferencePermissions.READINESS_CONFIRM);
            }
            long meetingId = occurrenceKey(c, occurrenceId)[0];
            if (!meetingPoints(c, meetingId).contains(pointId)) {
                throw new ConferenceException("conference.error.point-not-in-meeting");
            }
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM conf_readiness WHERE occurrence_id = ? AND point_id = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO conf_readiness (occurrence_id, point_id, "
                            + "connection_ok, camera_ok, microphone_ok, screen_ok, room_ok, confirmed_by, confirmed_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                delete.setLong(1, occurrenceId);
                delete.setLong(2, pointId);
                delete.executeUpdate();
                insert.setLong(1, occurrenceId);
                insert.setLong(2, pointId);
                insert.setBoolean(3, checklist.connection());
                insert.setBoolean(4, checklist.camera());
                insert.setBoolean(5, checklist.microphone());
                insert.setBoolean(6, checklist.screen());
                insert.setBoolean(7, checklist.room());
                insert.setString(8, user.id());
                insert.setTimestamp(9, Timestamp.from(now()));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            audit.record("conference.readiness.confirm", String.valueOf(occurrenceId), Outcome.SUCCESS,
                    AuditLog.Message.of("conference.audit.readiness", point.get(0).name(), checklist.complete()));
            // Off this thread: it holds the confirming user's session lock, and a board's UI must be
            // entered without holding another session's lock. A board that cannot be told still polls.
            for (java.util.function.LongConsumer listener : readinessListeners) {
                java.util.concurrent.CompletableFuture.runAsync(() -> listener.accept(occurrenceId)).whenComplete((done, e) -> {
                    if (e != null) {
                        LOG.warn("A readiness board could not be told about occurrence {}", occurrenceId, e);
                    }
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the readiness", e);
        }
    }

    /**
     * Listens for confirmed readiness (after the commit), for live boards.
     *
     * @param listener gets the occurrence's id, on a pool thread (not the confirming user's)
     * @return stops listening
     */
    public Runnable onReadinessChange(java.util.function.LongConsumer listener) {
        readinessListeners.add(listener);
        return () -> readinessListeners.remove(listener);
    }

    /**
     * The readiness board of an occurrence: every point green (all confirmed), amber (not yet),
     * or red (not ready with the alert time reached).
     *
     * @param occurrenceId the occurrence
     * @return one line per point, the hub first
     */
    public List<BoardLine> board(long occurrenceId) {
        requireAny(ConferencePermissions.BOOKING_MANAGE, ConferencePermissions.READINESS_CONFIRM);
        try (Connection c = database.dataSource().getConnection()) {
            long meetingId = occurrenceKey(c, occurrenceId)[0];
            Instant start;
            try (PreparedStatement ps = c.prepareStatement("SELECT starts_at FROM conf_occurrence WHERE id = ?")) {
                ps.setLong(1, occurrenceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    start = rs.getTimestamp(1).toInstant();
                }
            }
            boolean alert = !now().isBefore(start.minus(settings.notReadyAlert()));
            Map<Long, BoardLine> lines = new LinkedHashMap<>();
            for (ConnectionPoint p : readPoints(c, meetingPoints(c, meetingId))) {
                lines.put(p.id(), new BoardLine(p, null, "", alert ? Readiness.RED : Readiness.AMBER));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT point_id, connection_ok, camera_ok, microphone_ok, "
                    + "screen_ok, room_ok, confirmed_by FROM conf_readiness WHERE occurrence_id = ?")) {
                ps.setLong(1, occurrenceId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BoardLine line = lines.get(rs.getLong(1));
                        if (line == null) {
                            continue;
                        }
                        Checklist list = new Checklist(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                                rs.getBoolean(5), rs.getBoolean(6));
                        Readiness colour = list.complete() ? Readiness.GREEN : alert ? Readiness.RED : Readiness.AMBER;
                        lines.put(line.point().id(), new BoardLine(line.point(), list, rs.getString(7), colour));
                    }
                }
            }
            return List.copyOf(lines.values());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the readiness board", e);
        }
    }

    /**
     * The points whose technical contact is the current user.
     *
     * @return their ids
     */
    public Set<Long> myPoints() {
        String me = users.current().id();
        return points().stream().filter(p -> me.equals(p.contactUser())).map(ConnectionPoint::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // ---------------------------------------------------------------- attendance and minutes

    /** The longest note on a point's attendance. */
    public static final int NOTE_LENGTH = 500;

    /**
     * One point's attendance at an occurrence.
     *
     * @param point the point
     * @param recorded whether it has been recorded
     * @param present whether the point took part
     * @param participants how many people were there
     * @param lateMinutes how many minutes after the start the point joined (0: on time)
     * @param note a note (a connection problem, who chaired there), empty when none
     */
    public record AttendanceLine(ConnectionPoint point, boolean recorded, boolean present, int participants,
            int lateMinutes, String note) {
    }

    /**
     * What is recorded for one point.
     *
     * @param pointId the point
     * @param present whether it took part
     * @param participants how many people, 0 to 10,000
     * @param lateMinutes minutes late, 0 up to the meeting's length (0 when absent)
     * @param note a note, at most {@value ConferenceService#NOTE_LENGTH} characters
     */
    public record AttendanceEntry(long pointId, boolean present, int participants, int lateMinutes, String note) {

        /**
         * A point on time, without a note.
         *
         * @param pointId the point
         * @param present whether it took part
         * @param participants how many people
         */
        public AttendanceEntry(long pointId, boolean present, int participants) {
            this(pointId, present, participants, 0, "");
        }
    }

    /**
     * The attendance of an occurrence, one line per point of the meeting, the hub first.
     *
     * @param occurrenceId the occurrence
     * @return the lines
     */
    public List<AttendanceLine> attendance(long occurrenceId) {
        requireAny(ConferencePermissions.ATTENDANCE_RECORD, ConferencePermissions.BOOKING_MANAGE);
        try (Connection c = database.dataSource().getConnection()) {
            Map<Long, AttendanceLine> lines = new LinkedHashMap<>();
            for (ConnectionPoint p : readPoints(c, meetingPoints(c, occurrenceKey(c, occurrenceId)[0]))) {
                lines.put(p.id(), new AttendanceLine(p, false, false, 0, 0, ""));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT point_id, present, participants, late_minutes, note "
                    + "FROM conf_attendance WHERE occurrence_id = ?")) {
                ps.setLong(1, occurrenceId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AttendanceLine line = lines.get(rs.getLong(1));
                        if (line != null) {
                            String note = rs.getString(5);
                            lines.put(line.point().id(), new AttendanceLine(line.point(), true, rs.getBoolean(2),
                                    rs.getInt(3), rs.getInt(4), note == null ? "" : note));
                        }
                    }
                }
            }
            return List.copyOf(lines.values());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the attendance", e);
        }
    }

    /**
     * The minutes of an occurrence (Markdown), empty when none were written.
     *
     * @param occurrenceId the occurrence
     * @return the Markdown source
     */
    public String minutes(long occurrenceId) {
        requireAny(ConferencePermissions.ATTENDANCE_RECORD, ConferencePermissions.BOOKING_MANAGE);
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT body FROM conf_minutes WHERE occurrence_id = ?")) {
            ps.setLong(1, occurrenceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the minutes", e);
        }
    }

    /**
     * Records the attendance of every given point and the minutes of an occurrence that has
     * started and is not cancelled, all or nothing.
     *
     * @param occurrenceId the occurrence
     * @param entries one per point of the meeting that is recorded
     * @param minutes the minutes in Markdown (at most 16,000 characters)
     */
    public void recordAttendance(long occurrenceId, List<AttendanceEntry> entries, String minutes) {
        CurrentUser user = users.current();
        require(ConferencePermissions.ATTENDANCE_RECORD, "conference.attendance.record");
        String body = minutes == null ? "" : minutes;
        if (body.length() > 16_000) {
            throw new ConferenceException("conference.error.too-long-text", 16_000);
        }
        try (Connection c = database.dataSource().getConnection()) {
            long meetingId = occurrenceKey(c, occurrenceId)[0];
            long lengthMinutes;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT starts_at, status, ends_at FROM conf_occurrence WHERE id = ?")) {
                ps.setLong(1, occurrenceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!SCHEDULED.equals(rs.getString(2))) {
                        throw new ConferenceException("conference.error.occurrence-cancelled");
                    }
                    if (now().isBefore(rs.getTimestamp(1).toInstant())) {
                        throw new ConferenceException("conference.error.not-started");
                    }
                    lengthMinutes = Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(3).toInstant())
                            .toMinutes();
                }
            }
            Set<Long> points = meetingPoints(c, meetingId);
            for (AttendanceEntry entry : entries) {
                if (!points.contains(entry.pointId())) {
                    throw new ConferenceException("conference.error.point-not-in-meeting");
                }
                if (entry.participants() < 0 || entry.participants() > 10_000 || !entry.present() && entry.participants() > 0) {
                    throw new ConferenceException("conference.error.participants");
                }
                if (entry.lateMinutes() < 0 || entry.lateMinutes() >= Math.max(1, lengthMinutes)
                        || !entry.present() && entry.lateMinutes() > 0) {
                    throw new ConferenceException("conference.error.late", lengthMinutes);
                }
                if (entry.note() != null && entry.note().strip().length() > NOTE_LENGTH) {
                    throw new ConferenceException("conference.error.too-long-text", NOTE_LENGTH);
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM conf_attendance WHERE occurrence_id = ? AND point_id = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO conf_attendance (occurrence_id, point_id, "
                            + "present, participants, recorded_by, recorded_at, late_minutes, note) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement deleteMinutes = c.prepareStatement("DELETE FROM conf_minutes WHERE occurrence_id = ?");
                    PreparedStatement insertMinutes = c.prepareStatement("INSERT INTO conf_minutes (occurrence_id, body, "
                            + "recorded_by, recorded_at) VALUES (?, ?, ?, ?)")) {
                Timestamp at = Timestamp.from(now());
                for (AttendanceEntry entry : entries) {
                    delete.setLong(1, occurrenceId);
                    delete.setLong(2, entry.pointId());
                    delete.executeUpdate();
                    insert.setLong(1, occurrenceId);
                    insert.setLong(2, entry.pointId());
                    insert.setBoolean(3, entry.present());
                    insert.setInt(4, entry.participants());
                    insert.setString(5, user.id());
                    insert.setTimestamp(6, at);
                    insert.setInt(7, entry.lateMinutes());
                    String note = entry.note() == null ? "" : entry.note().strip();
                    insert.setString(8, note.isEmpty() ? null : note);
                    insert.executeUpdate();
                }
                deleteMinutes.setLong(1, occurrenceId);
                deleteMinutes.executeUpdate();
                if (!body.isBlank()) {
                    insertMinutes.setLong(1, occurrenceId);
                    insertMinutes.setString(2, body);
                    insertMinutes.setString(3, user.id());
                    insertMinutes.setTimestamp(4, at);
                    insertMinutes.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            audit.record("conference.attendance.record", String.valueOf(occurrenceId), Outcome.SUCCESS,
                    AuditLog.Message.of("conference.audit.attendance", entries.stream().filter(AttendanceEntry::present)
                            .count(), entries.size()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the attendance", e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private List<ConnectionPoint> readPoints(Connection c, Collection<Long> ids) throws SQLException {
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        String where = ids == null ? "" : " WHERE id IN (" + ids.stream().map(i -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + POINT_COLUMNS + " FROM conf_point" + where
                + " ORDER BY sort_order, id")) {
            if (ids != null) {
                bindIds(ps, ids);
            }
            List<ConnectionPoint> points = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.add(point(rs));
                }
            }
            return points;
        }
    }

    private static final String POINT_COLUMNS = "id, unit_code, name, hub, room, address, equipment, contact_name, "
            + "contact_phone, contact_user, capacity, status";

    private static ConnectionPoint point(ResultSet rs) throws SQLException {
        return new ConnectionPoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11),
                PointStatus.valueOf(rs.getString(12)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void require(String permission, String action) {
        if (!users.current().isPermitted(permission)) {
            audit.record(action, "", Outcome.DENIED, "missing " + permission);
            throw new AccessDeniedException(permission);
        }
    }

    private void requireAny(String first, String second) {
        CurrentUser user = users.current();
        if (!user.isPermitted(first) && !user.isPermitted(second)) {
            throw new AccessDeniedException(first);
        }
    }

    private static void checkText(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            throw new ConferenceException("conference.error.required", field);
        }
        if (value.strip().length() > max) {
            throw new ConferenceException("conference.error.too-long-text", max);
        }
    }

    private static String limit(String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new ConferenceException("conference.error.too-long-text", max);
        }
        return v;
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no id");
            }
            return keys.getLong(1);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
