package vn.congso.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import vn.congso.security.internal.units.UnitsStore;

/**
 * Users, roles, permissions and organisational units in the platform database. Plain JDBC
 * with prepared statements and portable SQL; every multi-row change runs in one transaction.
 */
public final class SecurityStore {

    /**
     * A stored account.
     *
     * @param id database id
     * @param data editable facts
     * @param passwordHash Argon2id PHC string
     * @param mustChangePassword whether the next sign-in must set a new password
     */
    public record User(long id, UserData data, String passwordHash, boolean mustChangePassword) {
    }

    /**
     * A role.
     *
     * @param id stable id
     * @param nameVi Vietnamese name
     * @param nameEn English name
     * @param builtIn seeded by the platform (cannot be deleted)
     * @param permissions granted permissions
     */
    public record Role(String id, String nameVi, String nameEn, boolean builtIn, Set<String> permissions) {
    }

    /**
     * An organisational unit: the district office or a commune/town.
     *
     * @param id stable id
     * @param name display name
     * @param kind {@code district}, {@code town} or {@code commune}
     */
    public record Unit(String id, String name, String kind) {
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs the work. */
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    /**
     * Creates the store.
     *
     * @param dataSource the platform database
     */
    public SecurityStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs work in one transaction, rolled back on any failure. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        }
    }

    private <T> T read(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    /** Finds an account by username (case-insensitive). */
    public Optional<User> findUser(String username) throws SQLException {
        return read(c -> findUser(c, username));
    }

    private Optional<User> findUser(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, username, full_name, email, phone, unit_id, enabled, "
                + "password_hash, must_change_password FROM sec_user WHERE username = ?")) {
            ps.setString(1, username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                UserData data = new UserData(rs.getString(2), rs.getString(3), nz(rs.getString(4)),
                        nz(rs.getString(5)), rs.getString(6), rs.getBoolean(7), rolesOf(c, id));
                return Optional.of(new User(id, data, rs.getString(8), rs.getBoolean(9)));
            }
        }
    }

    /** Every account, ordered by username. */
    public List<User> users() throws SQLException {
        return read(c -> {
            Map<Long, Set<String>> roles = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, role_id FROM sec_user_role");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
            List<User> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, username, full_name, email, phone, unit_id, "
                    + "enabled, must_change_password FROM sec_user ORDER BY username");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    users.add(new User(id, new UserData(rs.getString(2), rs.getString(3), nz(rs.getString(4)),
                            nz(rs.getString(5)), rs.getString(6), rs.getBoolean(7),
                            roles.getOrDefault(id, Set.of())), null, rs.getBoolean(8)));
                }
            }
            return users;
        });
    }

    /** Usernames already taken. */
    public Set<String> usernames() throws SQLException {
        return read(c -> {
            Set<String> names = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT username FROM sec_user");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    /** Creates an account in an open transaction. */
    public long insertUser(Connection c, UserData data, String passwordHash, boolean mustChange) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sec_user (username, full_name, email, phone, "
                + "unit_id, enabled, password_hash, must_change_password, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, data.username());
            ps.setString(2, data.fullName());
            ps.setString(3, data.email());
            ps.setString(4, data.phone());
            ps.setString(5, data.unit());
            ps.setBoolean(6, data.enabled());
            ps.setString(7, passwordHash);
            ps.setBoolean(8, mustChange);
            ps.setTimestamp(9, now);
            ps.setTimestamp(10, now);
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            setRoles(c, id, data.roles());
            UnitsStore.recordUserUnit(c, id, data.unit(), today());
            return id;
        }
    }

    /** Updates an account's facts and roles (not its password) in an open transaction. */
    public void updateUser(Connection c, long id, UserData data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sec_user SET full_name = ?, email = ?, phone = ?, "
                + "unit_id = ?, enabled = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, data.fullName());
            ps.setString(2, data.email());
            ps.setString(3, data.phone());
            ps.setString(4, data.unit());
            ps.setBoolean(5, data.enabled());
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            ps.setLong(7, id);
            ps.executeUpdate();
        }
        setRoles(c, id, data.roles());
        UnitsStore.recordUserUnit(c, id, data.unit(), today());
    }

    /** Today in Vietnam, the day unit validity periods are counted in. */
    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    /** Sets a password hash and whether it must be changed at next sign-in. */
    public void setPassword(long id, String hash, boolean mustChange) throws SQLException {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sec_user SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setBoolean(2, mustChange);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.setLong(4, id);
                return ps.executeUpdate();
            }
        });
    }

    private void setRoles(Connection c, long userId, Collection<String> roles) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM sec_user_role WHERE user_id = ?")) {
            delete.setLong(1, userId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO sec_user_role (user_id, role_id) VALUES (?, ?)")) {
            for (String role : new TreeSet<>(roles)) {
                insert.setLong(1, userId);
                insert.setString(2, role);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private Set<String> rolesOf(Connection c, long userId) throws SQLException {
        Set<String> roles = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT role_id FROM sec_user_role WHERE user_id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
        }
        return roles;
    }

    /** The permissions of an account, through its roles. */
    public Set<String> permissionsOf(String username) throws SQLException {
        return read(c -> {
            Set<String> permissions = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT rp.permission FROM sec_user u "
                    + "JOIN sec_user_role ur ON ur.user_id = u.id JOIN sec_role_permission rp ON rp.role_id = ur.role_id "
                    + "WHERE u.username = ? AND u.enabled = ?")) {
                ps.setString(1, username);
                ps.setBoolean(2, true);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        permissions.add(rs.getString(1));
                    }
                }
            }
            return permissions;
        });
    }

    /** Every role with its permissions, ordered by id. */
    public List<Role> roles() throws SQLException {
        return read(c -> {
            Map<String, Set<String>> permissions = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT role_id, permission FROM sec_role_permission");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    permissions.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
            List<Role> roles = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name_vi, name_en, built_in FROM sec_role ORDER BY sort_order, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(new Role(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            permissions.getOrDefault(rs.getString(1), Set.of())));
                }
            }
            return roles;
        });
    }

    /** Replaces a role's permissions. */
    public void setRolePermissions(String roleId, Collection<String> permissions) throws SQLException {
        inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM sec_role_permission WHERE role_id = ?")) {
                delete.setString(1, roleId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO sec_role_permission (role_id, permission) VALUES (?, ?)")) {
                for (String permission : new TreeSet<>(permissions)) {
                    insert.setString(1, roleId);
                    insert.setString(2, permission);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Adds a role an administrator made (not built in), without permissions, after the others.
     *
     * @param id a free role id
     * @param nameVi Vietnamese name
     * @param nameEn English name
     * @return whether it was added; {@code false} when the id is taken
     */
    public boolean createRole(String id, String nameVi, String nameEn) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sec_role WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            insertRole(c, id, nameVi, nameEn, false);
            return true;
        });
    }

    /** Adds a role after the others, without permissions. */
    private static void insertRole(Connection c, String id, String nameVi, String nameEn, boolean builtIn)
            throws SQLException {
        int order;
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(sort_order) FROM sec_role");
                ResultSet rs = ps.executeQuery()) {
            order = rs.next() ? rs.getInt(1) + 1 : 0;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sec_role (id, name_vi, name_en, built_in, sort_order) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, nameVi);
            ps.setString(3, nameEn);
            ps.setBoolean(4, builtIn);
            ps.setInt(5, order);
            ps.executeUpdate();
        }
    }

    /**
     * How many accounts hold a role.
     *
     * @param id the role id
     * @return the number of accounts
     */
    public int holders(String id) throws SQLException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sec_user_role WHERE role_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * Deletes a role an administrator made, with its permissions, when no account holds it.
     * Built-in and declared roles are never deleted.
     *
     * @param id the role id
     * @return whether it was deleted
     */
    public boolean deleteCustomRole(String id) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sec_user_role WHERE role_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sec_role_permission WHERE role_id = ?"
                    + " AND EXISTS (SELECT 1 FROM sec_role r WHERE r.id = ? AND r.built_in = FALSE)")) {
                ps.setString(1, id);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sec_role WHERE id = ? AND built_in = FALSE")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Applies a declared role's defaults once: creates the role when it does not exist and grants
     * the default permissions it lacks, then records in {@code sec_role_default} that this role's
     * defaults were applied. Does nothing when that record exists, so an administrator's later
     * edits are never undone. One transaction; a concurrent declaration loses on the primary key.
     *
     * @param id the role id
     * @param nameVi Vietnamese name, for a new role
     * @param nameEn English name, for a new role
     * @param permissions the default permissions
     * @param source who declared it (a bundle's symbolic name), kept with the record
     * @return whether the defaults were applied now
     */
    public boolean applyRoleDefaults(String id, String nameVi, String nameEn, Collection<String> permissions,
            String source) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sec_role_default WHERE role_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sec_role WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                insertRole(c, id, nameVi, nameEn, true);
            }
            Set<String> held = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT permission FROM sec_role_permission WHERE role_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        held.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO sec_role_permission (role_id, permission) VALUES (?, ?)")) {
                for (String permission : new TreeSet<>(permissions)) {
                    if (!held.contains(permission)) {
                        insert.setString(1, id);
                        insert.setString(2, permission);
                        insert.executeUpdate();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sec_role_default (role_id, applied_at, source) VALUES (?, ?, ?)")) {
                ps.setString(1, id);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setString(3, source);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** The organisational units in display order. */
    public List<Unit> units() throws SQLException {
        return read(c -> {
            List<Unit> units = new ArrayList<>();
            // Only the units that exist today: ended ones stay for history, not for new assignments.
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, kind FROM org_unit "
                    + "WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY sort_order, id")) {
                ps.setDate(1, java.sql.Date.valueOf(today()));
                ps.setDate(2, java.sql.Date.valueOf(today()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        units.add(new Unit(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return units;
        });
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
