package vn.congso.api;

import java.util.Objects;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link ViewContribution} whose metadata is fixed when it is created, so a contribution only
 * names its view class and builds its view.
 *
 * @since 1.2.0
 */
@ConsumerType
public abstract class AbstractViewContribution implements ViewContribution {

    private final String route;
    private final String titleKey;
    private final String icon;
    private final String group;
    private final int order;
    private final String permission;
    private final boolean inNavigation;

    /**
     * Fixes the metadata.
     *
     * @param route the route path, see {@link #route()}
     * @param titleKey the title's translation key
     * @param icon a Vaadin icon name such as {@code "vaadin:book"}
     * @param group a navigation group id
     * @param order the order within the group
     * @param permission the permission the view requires, or null for a public view
     * @param inNavigation whether the view is listed in the navigation
     */
    protected AbstractViewContribution(String route, String titleKey, String icon, String group, int order,
            String permission, boolean inNavigation) {
        this.route = Objects.requireNonNull(route, "route");
        this.titleKey = Objects.requireNonNull(titleKey, "titleKey");
        this.icon = Objects.requireNonNull(icon, "icon");
        this.group = Objects.requireNonNull(group, "group");
        this.order = order;
        this.permission = permission;
        this.inNavigation = inNavigation;
    }

    @Override
    public final String route() {
        return route;
    }

    @Override
    public final String titleKey() {
        return titleKey;
    }

    @Override
    public final String icon() {
        return icon;
    }

    @Override
    public final String group() {
        return group;
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final Optional<String> requiredPermission() {
        return Optional.ofNullable(permission);
    }

    @Override
    public final boolean inNavigation() {
        return inNavigation;
    }
}
