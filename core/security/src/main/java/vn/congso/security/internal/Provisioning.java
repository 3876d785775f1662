package vn.congso.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.TranslationService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.security.AccountProvisioning;

/**
 * Roles and demo accounts that plugins declare ({@link AccountProvisioning}), applied to the
 * {@link SecurityStore}: a role's defaults once, demo accounts only when the platform allows them.
 */
final class Provisioning implements AccountProvisioning {

    /** The file that keeps the demo accounts' one-time passwords, in {@code karaf.data}. */
    static final String DEMO_FILE = "demo-accounts.txt";
    /** Roles only core may define. */
    static final Set<String> CORE_ROLES = Set.of("administrator");
    /** Permission domains only core may grant. */
    static final Set<String> CORE_DOMAINS = Set.of("platform", "account");

    private static final Pattern ROLE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern PERMISSION = Pattern.compile("[a-z0-9][a-z0-9-]*(:[a-z0-9*][a-z0-9*,-]*){1,3}");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Logger log = LoggerFactory.getLogger(Provisioning.class);
    private final SecurityStore store;
    private final AuditLog audit;
    private final TranslationService translations;
    private final boolean demoAccounts;
    private final Function<String, String> hash;
    private final java.util.function.Supplier<String> oneTimePassword;

    Provisioning(SecurityStore store, AuditLog audit, TranslationService translations, boolean demoAccounts,
            Function<String, String> hash, java.util.function.Supplier<String> oneTimePassword) {
        this.store = store;
        this.audit = audit;
        this.translations = translations;
        this.demoAccounts = demoAccounts;
        this.hash = hash;
        this.oneTimePassword = oneTimePassword;
    }

    @Override
    public void declareRoles(List<RoleDefinition> roles) {
        for (RoleDefinition role : roles) {
            check(role);
        }
        for (RoleDefinition role : roles) {
            try {
                String nameVi = name(role, VIETNAMESE);
                String nameEn = name(role, Locale.ENGLISH);
                if (store.applyRoleDefaults(role.id(), nameVi, nameEn, role.defaultPermissions(), "declared")) {
                    String granted = role.defaultPermissions().stream().sorted().collect(Collectors.joining(", "));
                    audit.record("system", "", "security.role.defaults", role.id(), Outcome.SUCCESS, granted);
                    log.info("Role '{}' declared; its default permissions granted: {}", role.id(), granted);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot declare the role " + role.id() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void check(RoleDefinition role) {
        if (!ROLE_ID.matcher(role.id()).matches()) {
            throw new IllegalArgumentException("Malformed role id '" + role.id() + "'");
        }
        if (CORE_ROLES.contains(role.id())) {
            throw new IllegalArgumentException("The role '" + role.id() + "' belongs to the platform");
        }
        for (String permission : role.defaultPermissions()) {
            String domain = permission.split(":", 2)[0];
            if (!PERMISSION.matcher(permission).matches() || CORE_DOMAINS.contains(domain)) {
                throw new IllegalArgumentException("The role '" + role.id() + "' may not get the permission '"
                        + permission + "' by default: a plugin's permission is domain:object:action of its own domain");
            }
        }
    }

    private String name(RoleDefinition role, Locale locale) {
        String name = translations.translate(role.nameKey(), locale);
        return name == null || name.isBlank() || name.equals(role.nameKey()) ? role.id() : truncate(name, 100);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    @Override
    public synchronized List<String> createDemoAccounts(List<DemoAccount> accounts) {
        if (!demoAccounts) {
            return List.of();
        }
        try {
            Set<String> units = store.units().stream().map(SecurityStore.Unit::id).collect(Collectors.toSet());
            Set<String> roles = store.roles().stream().map(SecurityStore.Role::id).collect(Collectors.toSet());
            for (DemoAccount account : accounts) {
                if (!units.contains(account.unitId())) {
                    throw new IllegalArgumentException("Unknown unit '" + account.unitId() + "' for " + account.username());
                }
                if (!roles.containsAll(account.roles())) {
                    throw new IllegalArgumentException("Unknown role in " + account.roles() + " for " + account.username());
                }
            }
            List<DemoAccount> missing = new ArrayList<>();
            for (DemoAccount account : accounts) {
                if (store.findUser(account.username()).isEmpty()) {
                    missing.add(account);
                }
            }
            if (missing.isEmpty()) {
                return List.of();
            }
            StringBuilder lines = new StringBuilder();
            List<String> created = new ArrayList<>();
            store.inTransaction(c -> {
                for (DemoAccount account : missing) {
                    String password = oneTimePassword.get();
                    store.insertUser(c, new UserData(account.username(), account.fullName(), "", "", account.unitId(),
                            true, account.roles()), hash.apply(password), true);
                    lines.append(account.username()).append(", ").append(password).append(", ")
                            .append(account.unitId()).append('\n');
                    created.add(account.username());
                }
                return null;
            });
            Path file = Path.of(System.getProperty("karaf.data", "."), DEMO_FILE);
            appendOwnerOnly(file, lines.toString());
            for (String username : created) {
                audit.record("system", "", "security.user.create", username, Outcome.SUCCESS,
                        AuditLog.Message.of("security.audit.detail.demo-account"));
            }
            System.out.println("CongSo: demo accounts created; their one-time passwords are in " + file);
            log.info("Created {} demo accounts; one-time passwords in {}", created.size(), file);
            return List.copyOf(created);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot create the demo accounts: " + e.getMessage(), e);
        }
    }

    private static void appendOwnerOnly(Path file, String lines) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, "# username, one-time password (must be changed at first sign-in), unit\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
