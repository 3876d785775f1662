package vn.congso.publishing.internal.article;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congso.api.security.PermissionContribution;

/**
 * The permissions of the publishing plugin. The names of the first four are those core's first
 * release granted to its built-in "editor" and "reviewer" roles, so existing installations keep
 * working.
 */
@Component
public final class PublishingPermissions implements PermissionContribution {

    /** Write and save drafts, comment, upload files, restore revisions; open the editor screens. */
    public static final String EDIT = "publishing:article:edit";
    /** Hand a draft to the reviewers. */
    public static final String SUBMIT = "publishing:article:submit";
    /** Approve or return an article, comment. */
    public static final String REVIEW = "publishing:article:review";
    /** Publish, schedule, archive. */
    public static final String PUBLISH = "publishing:article:publish";
    /** Edit the list of categories. */
    public static final String CATEGORIES = "publishing:category:manage";
    /** See the editorial screens (held by everyone above). */
    public static final String VIEW = "publishing:article:view";

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(VIEW, "publishing.permission.view"),
                new Permission(EDIT, "publishing.permission.edit"),
                new Permission(SUBMIT, "publishing.permission.submit"),
                new Permission(REVIEW, "publishing.permission.review"),
                new Permission(PUBLISH, "publishing.permission.publish"),
                new Permission(CATEGORIES, "publishing.permission.categories"));
    }
}
