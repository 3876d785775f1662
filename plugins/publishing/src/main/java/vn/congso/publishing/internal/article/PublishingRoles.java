package vn.congso.publishing.internal.article;

import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.security.AccountProvisioning;
import vn.congso.api.security.AccountProvisioning.RoleDefinition;

/**
 * Declares the editorial roles at every start: "Biên tập viên" (editor), "Người duyệt" (reviewer)
 * and "Người xuất bản" (publisher). {@code editor} and {@code reviewer} exist already in
 * installations made by core's first release, with the same permission names; the platform grants
 * these defaults once and the administrator's roles matrix decides afterwards.
 */
@Component(service = PublishingRoles.class, immediate = true)
public final class PublishingRoles {

    /** The publisher, who is reminded of review dates when an article's author cannot be. */
    static final String PUBLISHER = "publisher";

    /** The roles and their default permissions. */
    static final List<RoleDefinition> ROLES = List.of(
            new RoleDefinition("editor", "publishing.role.editor", Set.of(PublishingPermissions.VIEW,
                    PublishingPermissions.EDIT, PublishingPermissions.SUBMIT)),
            new RoleDefinition("reviewer", "publishing.role.reviewer", Set.of(PublishingPermissions.VIEW,
                    PublishingPermissions.REVIEW, PublishingPermissions.PUBLISH)),
            new RoleDefinition(PUBLISHER, "publishing.role.publisher", Set.of(PublishingPermissions.VIEW,
                    PublishingPermissions.PUBLISH, PublishingPermissions.CATEGORIES)));

    /**
     * @param provisioning the platform's roles
     */
    @Activate
    public PublishingRoles(@Reference AccountProvisioning provisioning) {
        provisioning.declareRoles(ROLES);
    }
}
