package vn.congso.security.internal.units;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import vn.congso.api.units.OrgUnit;

/**
 * Units, successor links, reorganisations and accounts' unit history in the platform database
 * ({@code org_unit}, {@code org_unit_successor}, {@code org_reorganisation}, {@code sec_user_unit}).
 * Validity periods are half-open: {@code valid_from <= day < valid_to}.
 */
public final class UnitsStore {

    private final DataSource dataSource;

    /**
     * Creates the store.
     *
     * @param dataSource the platform database
     */
    public UnitsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every unit, ended ones included, in display order. */
    public List<OrgUnit> units() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return units(c);
        }
    }

    static List<OrgUnit> units(Connection c) throws SQLException {
        List<OrgUnit> units = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, unit_level, parent_id, valid_from, valid_to "
                + "FROM org_unit ORDER BY sort_order, id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Date to = rs.getDate(6);
                units.add(new OrgUnit(rs.getString(1), rs.getString(2),
                        OrgUnit.Level.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                        Optional.ofNullable(rs.getString(4)), rs.getDate(5).toLocalDate(),
                        Optional.ofNullable(to).map(Date::toLocalDate)));
            }
        }
        return units;
    }

    /** Each unit's parents over time: unit code → periods, oldest first. */
    public Map<String, List<ParentPeriod>> parents() throws SQLException {
        Map<String, List<ParentPeriod>> parents = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT unit_id, parent_id, valid_from, valid_to"
                        + " FROM org_unit_parent ORDER BY unit_id, valid_from");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Date to = rs.getDate(4);
                parents.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ParentPeriod(
                        Optional.ofNullable(rs.getString(2)), rs.getDate(3).toLocalDate(),
                        Optional.ofNullable(to).map(Date::toLocalDate)));
            }
        }
        return parents;
    }

    /**
     * A unit's parent during a period.
     *
     * @param parent the parent's code, empty for a top-level unit
     * @param validFrom the first day
     * @param validTo the first day after, empty while it lasts
     */
    public record ParentPeriod(Optional<String> parent, LocalDate validFrom, Optional<LocalDate> validTo) {
        /** Whether the period covers a day. */
        public boolean covers(LocalDate day) {
            return !day.isBefore(validFrom) && validTo.map(day::isBefore).orElse(true);
        }
    }

    /** Successor links: unit code → the codes that succeeded it. */
    public Map<String, List<String>> successors() throws SQLException {
        Map<String, List<String>> links = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT unit_id, successor_id FROM org_unit_successor ORDER BY unit_id, successor_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return links;
    }

    /** The unit an account had on a day. */
    public Optional<String> unitOf(String username, LocalDate day) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT h.unit_id FROM sec_user_unit h "
                        + "JOIN sec_user u ON u.id = h.user_id WHERE u.username = ? AND h.valid_from <= ? "
                        + "AND (h.valid_to IS NULL OR h.valid_to > ?) ORDER BY h.valid_from DESC")) {
            ps.setString(1, username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
            ps.setDate(2, Date.valueOf(day));
            ps.setDate(3, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Records an account's unit from a day on, in an open transaction: nothing when the account
     * is already there, otherwise its current period ends that day and a new one starts.
     *
     * @param c the transaction's connection
     * @param userId the account
     * @param unitId its unit from that day on
     * @param day the day, in Vietnam
     */
    public static void recordUserUnit(Connection c, long userId, String unitId, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT unit_id, valid_from FROM sec_user_unit WHERE user_id = ? AND valid_to IS NULL")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (rs.getString(1).equals(unitId)) {
                        return;
                    }
                    if (!rs.getDate(2).toLocalDate().isBefore(day)) {
                        // The period starts that day or later (an account made after a reorganisation's
                        // effective day): it never had the old unit on any day before, so it is corrected.
                        try (PreparedStatement update = c.prepareStatement(
                                "UPDATE sec_user_unit SET unit_id = ? WHERE user_id = ? AND valid_to IS NULL")) {
                            update.setString(1, unitId);
                            update.setLong(2, userId);
                            update.executeUpdate();
                        }
                        return;
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sec_user_unit SET valid_to = ? WHERE user_id = ? AND valid_to IS NULL")) {
            ps.setDate(1, Date.valueOf(day));
            ps.setLong(2, userId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sec_user_unit (user_id, unit_id, valid_from) VALUES (?, ?, ?)")) {
            ps.setLong(1, userId);
            ps.setString(2, unitId);
            ps.setDate(3, Date.valueOf(day));
            ps.executeUpdate();
        }
    }

    /** What applying a file gave: the plan that was written, or why nothing was. */
    public record Applied(ReorganisationPlanner.Result result, long reorganisationId) {
    }

    /**
     * Plans the reorganisation again on the database as it is inside one transaction and, when
     * it is still acceptable, writes the whole plan in that transaction; any failure rolls all
     * of it back.
     *
     * @param reorganisation the file's content
     * @param fileName the file's name, for the record
     * @param actor who applies it
     * @param today today in Vietnam
     * @return the plan written (with the reorganisation's id), or the problems and id 0
     */
    public Applied apply(Reorganisation reorganisation, String fileName, String actor, LocalDate today)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                ReorganisationPlanner.Result result = ReorganisationPlanner.plan(reorganisation, units(c),
                        accountUnits(c), today);
                if (result.plan().isEmpty()) {
                    c.rollback();
                    return new Applied(result, 0);
                }
                long id = write(c, result.plan().get(), fileName, actor);
                c.commit();
                return new Applied(result, id);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    /** Every account's current unit. */
    public Map<String, String> accountUnits() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return accountUnits(c);
        }
    }

    private static Map<String, String> accountUnits(Connection c) throws SQLException {
        Map<String, String> accounts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT username, unit_id FROM sec_user");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                accounts.put(rs.getString(1), rs.getString(2));
            }
        }
        return accounts;
    }

    private static long write(Connection c, ReorganisationPlanner.Plan plan, String fileName, String actor)
            throws SQLException {
        Reorganisation reorganisation = plan.reorganisation();
        Date effective = Date.valueOf(reorganisation.effective());
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO org_reorganisation (title, effective, file_name, "
                + "applied_at, applied_by, summary) VALUES (?, ?, ?, ?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, reorganisation.title());
            ps.setDate(2, effective);
            ps.setString(3, truncate(fileName, 200));
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.setString(5, truncate(actor, 64));
            ps.setString(6, truncate(summary(plan), 2000));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        int order;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(sort_order), 0) FROM org_unit");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            order = rs.getInt(1);
        }
        // Parents first: a new unit may sit under another new unit of the same file.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO org_unit (id, name, kind, sort_order, unit_level, "
                + "parent_id, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)")) {
            for (OrgUnit unit : plan.created()) {
                String level = unit.level().name().toLowerCase(Locale.ROOT);
                ps.setString(1, unit.code());
                ps.setString(2, unit.name());
                ps.setString(3, level);
                ps.setInt(4, ++order);
                ps.setString(5, level);
                ps.setDate(6, effective);
                ps.setDate(7, unit.validTo().map(Date::valueOf).orElse(null));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE org_unit SET parent_id = ? WHERE id = ?")) {
            for (OrgUnit unit : plan.created()) {
                ps.setString(1, unit.parent().orElse(null));
                ps.setString(2, unit.code());
                ps.executeUpdate();
            }
            for (Map.Entry<String, Optional<String>> entry : plan.reparented().entrySet()) {
                ps.setString(1, entry.getValue().orElse(null));
                ps.setString(2, entry.getKey());
                ps.executeUpdate();
            }
        }
        // The parent history: new units start under their parent; a unit that moves closes the
        // period under its old parent and opens one under the new; an ended unit's period ends.
        try (PreparedStatement open = c.prepareStatement("INSERT INTO org_unit_parent (unit_id, parent_id, valid_from,"
                + " valid_to) VALUES (?, ?, ?, ?)");
                PreparedStatement close = c.prepareStatement("UPDATE org_unit_parent SET valid_to = ? WHERE unit_id = ?"
                        + " AND valid_to IS NULL")) {
            for (OrgUnit unit : plan.created()) {
                open.setString(1, unit.code());
                open.setString(2, unit.parent().orElse(null));
                open.setDate(3, effective);
                open.setDate(4, unit.validTo().map(Date::valueOf).orElse(null));
                open.executeUpdate();
            }
            for (Map.Entry<String, Optional<String>> entry : plan.reparented().entrySet()) {
                if (plan.ended().contains(entry.getKey())) {
                    continue;
                }
                close.setDate(1, effective);
                close.setString(2, entry.getKey());
                close.executeUpdate();
                open.setString(1, entry.getKey());
                open.setString(2, entry.getValue().orElse(null));
                open.setDate(3, effective);
                open.setDate(4, null);
                open.executeUpdate();
            }
            for (String code : plan.ended()) {
                close.setDate(1, effective);
                close.setString(2, code);
                close.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE org_unit SET valid_to = ? WHERE id = ?")) {
            for (String code : plan.ended()) {
                ps.setDate(1, effective);
                ps.setString(2, code);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO org_unit_successor (unit_id, successor_id, effective, "
                + "reorganisation_id) VALUES (?, ?, ?, ?)")) {
            for (ReorganisationPlanner.Link link : plan.links()) {
                ps.setString(1, link.unit());
                ps.setString(2, link.successor());
                ps.setDate(3, effective);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement find = c.prepareStatement("SELECT id FROM sec_user WHERE username = ?");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE sec_user SET unit_id = ?, updated_at = ? WHERE id = ?")) {
            for (Map.Entry<String, String> move : plan.moves().entrySet()) {
                find.setString(1, move.getKey());
                long userId;
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("account " + move.getKey() + " vanished during the reorganisation");
                    }
                    userId = rs.getLong(1);
                }
                update.setString(1, move.getValue());
                update.setTimestamp(2, Timestamp.from(Instant.now()));
                update.setLong(3, userId);
                update.executeUpdate();
                recordUserUnit(c, userId, move.getValue(), reorganisation.effective());
            }
        }
        return id;
    }

    /** A one-line account of a plan, for the record and the audit log. */
    static String summary(ReorganisationPlanner.Plan plan) {
        return plan.reorganisation().title() + ": effective " + plan.reorganisation().effective() + ", "
                + plan.created().size() + " new unit(s), " + plan.ended().size() + " ended, "
                + plan.reparented().size() + " moved under another unit, " + plan.moves().size() + " account(s) moved";
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
