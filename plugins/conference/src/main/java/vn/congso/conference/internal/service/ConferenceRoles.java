package vn.congso.conference.internal.service;

import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.security.AccountProvisioning;
import vn.congso.api.security.AccountProvisioning.RoleDefinition;

/**
 * Declares the conference roles at every start: "Điều phối họp trực tuyến" (meeting coordinator,
 * its id and grants unchanged since release 0.1, when core seeded it) and "Kỹ thuật viên điểm cầu"
 * (a connection point's technical contact). The platform applies the grants the first time only.
 */
@Component(service = ConferenceRoles.class, immediate = true)
public final class ConferenceRoles {

    /** The coordinator role. */
    static final String COORDINATOR = "meeting-coordinator";
    /** The technical contact role. */
    static final String TECHNICIAN = "point-technician";

    /** The roles and their default permissions. */
    static final List<RoleDefinition> ROLES = List.of(
            new RoleDefinition(COORDINATOR, "conference.role.coordinator",
                    Set.of(ConferencePermissions.BOOKING_MANAGE, ConferencePermissions.ATTENDANCE_RECORD)),
            new RoleDefinition(TECHNICIAN, "conference.role.technician", Set.of(ConferencePermissions.READINESS_CONFIRM)));

    /**
     * Declares the roles.
     *
     * @param provisioning the platform's roles
     */
    @Activate
    public ConferenceRoles(@Reference AccountProvisioning provisioning) {
        provisioning.declareRoles(ROLES);
    }
}
