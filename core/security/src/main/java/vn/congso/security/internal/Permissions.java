package vn.congso.security.internal;

import java.util.Collection;
import org.apache.shiro.authz.permission.WildcardPermission;

/**
 * The permission model: a user holds the union of the wildcard permissions of their roles
 * (Shiro syntax {@code domain:object:action}, {@code *} for any part), plus
 * {@link #SELF} for every signed-in user so they can manage their own profile and password.
 */
public final class Permissions {

    /** Granted to every signed-in user: their own profile and password. */
    public static final String SELF = "account:self";
    /** Manage user accounts. */
    public static final String USERS_MANAGE = "platform:users:manage";
    /** Manage roles and their permissions. */
    public static final String ROLES_MANAGE = "platform:roles:manage";
    /** Read and export the audit log. */
    public static final String AUDIT_VIEW = "platform:audit:view";
    /** Back up the database. */
    public static final String BACKUP = "platform:backup";
    /** Install, upgrade and remove plugins. */
    public static final String PLUGINS_MANAGE = "platform:plugins:manage";

    private Permissions() {
    }

    /**
     * Whether granted permissions imply a wanted one.
     *
     * @param granted the user's permissions
     * @param wanted the permission asked for
     * @return {@code true} if any granted permission implies it
     */
    public static boolean implies(Collection<String> granted, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return false;
        }
        WildcardPermission target = new WildcardPermission(wanted);
        for (String permission : granted) {
            if (permission != null && !permission.isBlank() && new WildcardPermission(permission).implies(target)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a string is a valid wildcard permission.
     *
     * @param permission the candidate
     * @return {@code true} when it parses and has no empty parts
     */
    public static boolean isValid(String permission) {
        if (permission == null || permission.isBlank() || permission.contains("::") || permission.startsWith(":")
                || permission.endsWith(":") || !permission.matches("[A-Za-z0-9*:,_.-]+")) {
            return false;
        }
        try {
            new WildcardPermission(permission);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
