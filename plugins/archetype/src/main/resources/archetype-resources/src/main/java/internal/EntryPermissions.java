package ${package}.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congso.api.security.PermissionContribution;

/**
 * The permissions the ${pluginName} plugin checks, declared so that administrators can grant them
 * to roles on the roles screen (the administrator role holds every permission).
 */
@Component
public final class EntryPermissions implements PermissionContribution {

    /** Read the entries and open the screen. */
    public static final String VIEW = "${pluginName}:entry:view";
    /** Record an entry. */
    public static final String EDIT = "${pluginName}:entry:edit";

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(VIEW, "${pluginName}.permission.view"),
                new Permission(EDIT, "${pluginName}.permission.edit"));
    }
}
