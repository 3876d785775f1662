package vn.congso.security.internal.ui;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congso.api.security.PermissionContribution;
import vn.congso.security.internal.Permissions;

/** The permissions the platform core checks. */
@Component(service = PermissionContribution.class)
public final class CorePermissions implements PermissionContribution {
    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(Permissions.USERS_MANAGE, "security.permission.users-manage"),
                new Permission(Permissions.ROLES_MANAGE, "security.permission.roles-manage"),
                new Permission(Permissions.AUDIT_VIEW, "security.permission.audit-view"),
                new Permission(Permissions.BACKUP, "security.permission.backup"),
                new Permission(Permissions.PLUGINS_MANAGE, "security.permission.plugins-manage"));
    }
}
