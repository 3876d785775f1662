package vn.congso.api.security;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How a plugin brings the roles its permissions are meant for, and its demo accounts, without
 * core knowing the plugin: the platform creates what is missing and never undoes an
 * administrator's later edits.
 *
 * <pre>{@code
 * provisioning.declareRoles(List.of(new RoleDefinition("notice-editor", "notices.role.editor",
 *         Set.of("notices:notice:edit", "notices:notice:publish"))));
 * }</pre>
 */
@ProviderType
public interface AccountProvisioning {

    /**
     * A role a plugin declares.
     *
     * @param id a stable id such as {@code trainer} (lower case letters, digits, {@code -})
     * @param nameKey translation key of the role's name, from the declaring bundle's
     *        {@code OSGI-INF/l10n} (Vietnamese and English)
     * @param defaultPermissions the permissions the role gets when it is first declared, each of a
     *        plugin domain ({@code domain:object:action}); no wildcard domain and no core domain
     */
    record RoleDefinition(String id, String nameKey, Set<String> defaultPermissions) {

        /** Checks the fields and copies the permissions. */
        public RoleDefinition {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(nameKey, "nameKey");
            defaultPermissions = Set.copyOf(defaultPermissions);
        }
    }

    /**
     * A demo account a plugin wants for its demo data.
     *
     * @param username the account name
     * @param fullName the person's name
     * @param unitId the organisational unit, see {@link UserDirectory#units()}
     * @param roles the role ids (declared before, or core's)
     */
    record DemoAccount(String username, String fullName, String unitId, Set<String> roles) {

        /** Checks the fields and copies the roles. */
        public DemoAccount {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(fullName, "fullName");
            Objects.requireNonNull(unitId, "unitId");
            roles = Set.copyOf(roles);
        }
    }

    /**
     * Declares roles: a role that does not exist is created, and a role's default permissions are
     * granted once, the first time the role is declared (remembered in the database). After that
     * the administrator owns the role: permissions removed or added in the roles screen stay as
     * they are, across restarts and upgrades. Idempotent; call it at every start.
     *
     * @param roles the roles
     * @throws IllegalArgumentException when an id is malformed or reserved by core, or a default
     *         permission is a wildcard domain or a core domain (nothing is changed then)
     * @throws IllegalStateException when the database cannot be written
     */
    void declareRoles(List<RoleDefinition> roles);

    /**
     * Creates demo accounts, only when the platform's {@code demoAccounts} setting is on: each
     * account that does not exist yet gets a random one-time password (to be changed at first
     * sign-in), which is appended to the owner-only file {@code data/demo-accounts.txt} as
     * {@code username, password, unit}.
     *
     * @param accounts the accounts
     * @return the usernames created now; empty when demo accounts are off or all exist
     * @throws IllegalArgumentException when a unit or role does not exist (nothing is created then)
     * @throws IllegalStateException when the database or the file cannot be written
     */
    List<String> createDemoAccounts(List<DemoAccount> accounts);
}
