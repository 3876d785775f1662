package vn.congso.api.security;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The permissions a bundle checks, so that administrators can grant them to roles. Register
 * an implementation as an OSGi service; the roles view lists the permissions of the bundles
 * present now. Descriptions are translation keys from the bundle's {@code OSGI-INF/l10n}.
 */
@ConsumerType
public interface PermissionContribution {

    /**
     * One permission.
     *
     * @param permission Shiro wildcard syntax, {@code domain:object:action}, for example
     *        {@code notices:notice:publish}
     * @param descriptionKey translation key of a one-line description
     */
    record Permission(String permission, String descriptionKey) {
    }

    /**
     * The permissions this bundle checks.
     *
     * @return the permissions
     */
    List<Permission> permissions();
}
