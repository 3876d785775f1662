package vn.congso.training.internal.service;

import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.security.AccountProvisioning;
import vn.congso.api.security.AccountProvisioning.RoleDefinition;

/**
 * Declares the training roles at every start: "Giảng viên" (trainer) and "Học viên" (learner).
 * The platform creates them with these grants the first time only; afterwards the administrator's
 * roles matrix decides.
 */
@Component(service = TrainingRoles.class, immediate = true)
public final class TrainingRoles {

    /** The learner role, which the demo accounts get. */
    static final String LEARNER = "learner";

    /** The roles and their default permissions. */
    static final List<RoleDefinition> ROLES = List.of(
            new RoleDefinition("trainer", "training.role.trainer", Set.of(TrainingPermissions.COURSE_MANAGE,
                    TrainingPermissions.EXAM_MANAGE, TrainingPermissions.REPORT_VIEW,
                    TrainingPermissions.CERTIFICATE_REVOKE)),
            new RoleDefinition(LEARNER, "training.role.learner", Set.of(TrainingPermissions.COURSE_ENROL,
                    TrainingPermissions.EXAM_TAKE)));

    /**
     * Declares the roles.
     *
     * @param provisioning the platform's roles
     */
    @Activate
    public TrainingRoles(@Reference AccountProvisioning provisioning) {
        provisioning.declareRoles(ROLES);
    }
}
