package vn.congso.training.internal.service;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congso.api.security.PermissionContribution;

/** Declares the training permissions so that administrators can grant them to roles. */
@Component(service = PermissionContribution.class)
public final class TrainingPermissionContribution implements PermissionContribution {

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(TrainingPermissions.COURSE_MANAGE, "training.permission.course-manage"),
                new Permission(TrainingPermissions.COURSE_ENROL, "training.permission.course-enrol"),
                new Permission(TrainingPermissions.EXAM_MANAGE, "training.permission.exam-manage"),
                new Permission(TrainingPermissions.EXAM_TAKE, "training.permission.exam-take"),
                new Permission(TrainingPermissions.REPORT_VIEW, "training.permission.report-view"),
                new Permission(TrainingPermissions.CERTIFICATE_REVOKE, "training.permission.certificate-revoke"));
    }
}
