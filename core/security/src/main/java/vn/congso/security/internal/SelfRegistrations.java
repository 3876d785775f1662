package vn.congso.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.security.SelfRegistration.Applicant;
import vn.congso.api.security.SelfRegistration.Problem;
import vn.congso.api.security.SelfRegistration.RefusedException;

/**
 * Self-registration's rules over the platform database, for one calling bundle at a time: which
 * roles a bundle opened (table {@code sec_self_registration}, first bundle wins), what an
 * application must be, and the account's creation. A role that carries a core or wildcard
 * permission is refused at opening and again at every registration.
 */
final class SelfRegistrations {

    /** A sign-in page link to a plugin's registration screen. */
    record Link(String route, String linkKey) {
    }

    private static final Pattern ROUTE = Pattern.compile("[a-z0-9][a-z0-9/-]{0,99}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Pattern ROLE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Logger log = LoggerFactory.getLogger(SelfRegistrations.class);
    private final SecurityStore store;
    private final AuditLog audit;
    private final Function<char[], String> hash;

    SelfRegistrations(SecurityStore store, AuditLog audit, Function<char[], String> hash) {
        this.store = store;
        this.audit = audit;
        this.hash = hash;
    }

    /** Opens a role for {@code bundle}; see {@link vn.congso.api.security.SelfRegistration#openRole}. */
    void open(String bundle, String roleId, String route, String linkKey) {
        if (roleId == null || !ROLE_ID.matcher(roleId).matches() || Provisioning.CORE_ROLES.contains(roleId)) {
            throw new IllegalArgumentException("The role '" + roleId + "' cannot be opened to self-registration");
        }
        if (route == null || !ROUTE.matcher(route).matches() || route.contains("..")) {
            throw new IllegalArgumentException("Malformed registration route '" + route + "'");
        }
        if (linkKey == null || !KEY.matcher(linkKey).matches()) {
            throw new IllegalArgumentException("Malformed link key '" + linkKey + "'");
        }
        try {
            boolean opened = store.inTransaction(c -> {
                SecurityStore.Role role = role(c, roleId).orElseThrow(() ->
                        new IllegalArgumentException("The role '" + roleId + "' does not exist: declare it first"));
                if (!declaredByPlugin(c, roleId)) {
                    throw new IllegalArgumentException("The role '" + roleId + "' was not declared by a plugin");
                }
                refuseCorePermissions(role);
                Optional<String> owner = owner(c, roleId);
                if (owner.isPresent() && !owner.get().equals(bundle)) {
                    throw new IllegalArgumentException("The role '" + roleId + "' is opened by another bundle");
                }
                if (owner.isPresent()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE sec_self_registration SET route = ?, link_key = ? WHERE role_id = ?")) {
                        ps.setString(1, route);
                        ps.setString(2, linkKey);
                        ps.setString(3, roleId);
                        ps.executeUpdate();
                    }
                    return false;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sec_self_registration "
                        + "(role_id, bundle, route, link_key, opened_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, roleId);
                    ps.setString(2, bundle);
                    ps.setString(3, route);
                    ps.setString(4, linkKey);
                    ps.setTimestamp(5, Timestamp.from(Instant.now()));
                    ps.executeUpdate();
                }
                return true;
            });
            if (opened) {
                audit.record("system", "", "security.role.self-registration", roleId, Outcome.SUCCESS,
                        AuditLog.Message.of("security.audit.detail.self-registration-opened", bundle));
                log.info("Role '{}' opened to self-registration by {}", roleId, bundle);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the role " + roleId + ": " + e.getMessage(), e);
        }
    }

    /** The links the sign-in page shows, in role order. */
    List<Link> links() {
        try {
            return store.inTransaction(c -> {
                List<Link> links = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT route, link_key FROM sec_self_registration ORDER BY role_id");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        links.add(new Link(rs.getString(1), rs.getString(2)));
                    }
                }
                return links;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the registration links", e);
        }
    }

    /** Checks an application; see {@link vn.congso.api.security.SelfRegistration#check}. */
    List<Problem> check(String bundle, String roleId, Applicant applicant, char[] password) {
        try {
            return store.inTransaction(c -> {
                requireOwner(c, bundle, roleId);
                return problems(c, normalise(applicant), password);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the application", e);
        }
    }

    /** Creates the account; see {@link vn.congso.api.security.SelfRegistration#register}. */
    String register(String bundle, String roleId, Applicant applicant, char[] password) {
        Applicant person = normalise(applicant);
        // Hashed before the transaction: Argon2 takes a while and must not hold database locks.
        // A password over the policy's length is refused below, never hashed.
        String passwordHash = password != null && password.length <= PasswordPolicy.MAX_LENGTH
                ? hash.apply(password) : null;
        List<Problem> refused;
        try {
            refused = store.inTransaction(c -> {
                requireOwner(c, bundle, roleId);
                SecurityStore.Role role = role(c, roleId).orElseThrow(() ->
                        new IllegalArgumentException("The role '" + roleId + "' no longer exists"));
                try {
                    refuseCorePermissions(role);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(e.getMessage() + "; self-registration refused", e);
                }
                List<Problem> problems = problems(c, person, password);
                if (problems.isEmpty()) {
                    store.insertUser(c, new UserData(person.username(), person.fullName(), person.email(),
                            person.phone(), person.unitId(), true, Set.of(roleId)), passwordHash, false);
                }
                return problems;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the account: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            audit.record(person.username(), "", "security.user.self-register", person.username(), Outcome.DENIED,
                    AuditLog.Message.of("security.audit.detail.self-registration-closed", roleId));
            log.warn("Self-registration to '{}' refused: {}", roleId, e.getMessage());
            throw e;
        }
        if (!refused.isEmpty()) {
            throw new RefusedException(refused);
        }
        audit.record(person.username(), "", "security.user.self-register", person.username(), Outcome.SUCCESS,
                AuditLog.Message.of("security.audit.detail.self-registered", roleId, bundle));
        return person.username();
    }

    private static Applicant normalise(Applicant a) {
        return new Applicant(a.username().strip().toLowerCase(Locale.ROOT), a.fullName().strip(),
                a.email().strip().toLowerCase(Locale.ROOT), a.phone().strip(), a.unitId().strip());
    }

    private List<Problem> problems(Connection c, Applicant a, char[] password) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        if (!UserCsv.USERNAME.matcher(a.username()).matches()) {
            problems.add(new Problem("username", "security.register.username.invalid"));
        } else if (exists(c, "SELECT 1 FROM sec_user WHERE username = ?", a.username())) {
            problems.add(new Problem("username", "security.register.username.taken"));
        }
        if (a.fullName().isEmpty() || a.fullName().length() > UserCsv.MAX_FULL_NAME) {
            problems.add(new Problem("fullName", "security.register.full-name.invalid"));
        }
        if (a.email().length() > UserCsv.MAX_EMAIL || !UserCsv.EMAIL.matcher(a.email()).matches()) {
            problems.add(new Problem("email", "security.register.email.invalid"));
        } else if (exists(c, "SELECT 1 FROM sec_user WHERE LOWER(email) = ?", a.email())) {
            problems.add(new Problem("email", "security.register.email.taken"));
        }
        if (!UserCsv.PHONE.matcher(a.phone()).matches()) {
            problems.add(new Problem("phone", "security.register.phone.invalid"));
        } else if (exists(c, "SELECT 1 FROM sec_user WHERE phone = ? OR phone = ? OR username = ?", a.phone(),
                digits(a.phone()), digits(a.phone()))) {
            problems.add(new Problem("phone", "security.register.phone.taken"));
        }
        if (!exists(c, "SELECT 1 FROM org_unit WHERE id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)",
                a.unitId(), java.sql.Date.valueOf(SecurityStore.today()), java.sql.Date.valueOf(SecurityStore.today()))) {
            problems.add(new Problem("unit", "security.register.unit.invalid"));
        }
        for (String key : PasswordPolicy.violations(a.username(), password == null ? null : new String(password))) {
            problems.add(new Problem("password", key));
        }
        return problems;
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    private static boolean exists(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireOwner(Connection c, String bundle, String roleId) throws SQLException {
        if (!owner(c, roleId).filter(bundle::equals).isPresent()) {
            throw new IllegalArgumentException("The role '" + roleId + "' is not open to self-registration by "
                    + bundle);
        }
    }

    private static Optional<String> owner(Connection c, String roleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT bundle FROM sec_self_registration WHERE role_id = ?")) {
            ps.setString(1, roleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static boolean declaredByPlugin(Connection c, String roleId) throws SQLException {
        return exists(c, "SELECT 1 FROM sec_role_default WHERE role_id = ?", roleId);
    }

    private static Optional<SecurityStore.Role> role(Connection c, String roleId) throws SQLException {
        Set<String> permissions = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT permission FROM sec_role_permission WHERE role_id = ?")) {
            ps.setString(1, roleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    permissions.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name_vi, name_en, built_in FROM sec_role WHERE id = ?")) {
            ps.setString(1, roleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new SecurityStore.Role(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getBoolean(4), permissions)) : Optional.empty();
            }
        }
    }

    /** An administrator's powers never come from self-registration. */
    private static void refuseCorePermissions(SecurityStore.Role role) {
        for (String permission : role.permissions()) {
            String domain = permission.split(":", 2)[0];
            if (domain.contains("*") || Provisioning.CORE_DOMAINS.contains(domain)) {
                throw new IllegalArgumentException("The role '" + role.id() + "' carries the permission '"
                        + permission + "', which self-registration never grants");
            }
        }
    }
}
