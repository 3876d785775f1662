package vn.congso.services.internal;

import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.security.AccountProvisioning;
import vn.congso.api.security.AccountProvisioning.RoleDefinition;

/**
 * Declares the services roles at every start: "Cán bộ một cửa" (one-stop officer, the id and
 * grants existing installations already have), "Chuyên viên giải quyết" (specialist), "Quản trị
 * dịch vụ công" (services administrator), "Công dân" (citizen) and "Lãnh đạo phê duyệt" (the
 * leader who approves results). Granted once; afterwards the
 * administrator's roles matrix decides.
 */
@Component(service = ServicesRoles.class, immediate = true)
public final class ServicesRoles {

    /** The one-stop officer. */
    public static final String OFFICER = "one-stop-officer";
    /** The specialist who settles dossiers. */
    public static final String SPECIALIST = "services-specialist";
    /** The administrator of the catalogue and calendar. */
    public static final String ADMIN = "services-admin";
    /** A citizen with an online account. */
    public static final String CITIZEN = "citizen";
    /** The unit's leader who approves the results specialists propose. */
    public static final String LEADER = "services-leader";

    /** The roles and their default permissions. */
    public static final List<RoleDefinition> ROLES = List.of(
            new RoleDefinition(OFFICER, "services.role.officer",
                    Set.of(ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS, ServicesPermissions.REPORT)),
            new RoleDefinition(SPECIALIST, "services.role.specialist",
                    Set.of(ServicesPermissions.PROCESS, ServicesPermissions.REPORT)),
            new RoleDefinition(ADMIN, "services.role.admin",
                    Set.of(ServicesPermissions.CALENDAR, ServicesPermissions.CATALOGUE, ServicesPermissions.REPORT)),
            new RoleDefinition(CITIZEN, "services.role.citizen", Set.of(ServicesPermissions.SUBMIT)),
            new RoleDefinition(LEADER, "services.role.leader",
                    Set.of(ServicesPermissions.APPROVE, ServicesPermissions.PROCESS, ServicesPermissions.REPORT)));

    /**
     * @param provisioning the platform's roles
     */
    @Activate
    public ServicesRoles(@Reference AccountProvisioning provisioning) {
        provisioning.declareRoles(ROLES);
    }
}
