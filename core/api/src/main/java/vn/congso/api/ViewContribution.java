package vn.congso.api;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A screen a plugin adds to the platform. Register an implementation as an OSGi service
 * (typically a Declarative Services component); the shell adds the route and a navigation
 * entry while the service is registered and removes both, moving every open tab away from
 * the screen, when it goes.
 *
 * <p>Translations for {@link #titleKey()} and {@link #descriptionKey()} come from the
 * contributing bundle's {@code OSGI-INF/l10n/*.properties} files.
 */
@ConsumerType
public interface ViewContribution {

    /**
     * The route path, relative to the application root, without a leading slash, for example
     * {@code "services/procedures"}. Must be unique among the active contributions; a second
     * contribution with a path already taken is ignored and logged.
     *
     * @return the route path, never empty
     */
    String route();

    /**
     * The translation key of the title shown in the navigation and on the home page.
     *
     * @return a translation key
     */
    String titleKey();

    /**
     * The translation key of a one-sentence description shown on the home page for public
     * views.
     *
     * @return a translation key, or empty when the view has no description
     */
    default Optional<String> descriptionKey() {
        return Optional.empty();
    }

    /**
     * The icon shown beside the title, as a Vaadin icon name such as {@code "vaadin:book"}.
     *
     * @return an icon name
     */
    default String icon() {
        return "vaadin:file-o";
    }

    /**
     * The navigation group this view belongs to: one of the ids in {@link NavigationGroup} or
     * the id of a group a plugin registers itself.
     *
     * @return a navigation group id
     */
    String group();

    /**
     * The position of the entry within its group; lower comes first, ties are ordered by
     * route.
     *
     * @return the order within the group
     */
    default int order() {
        return 100;
    }

    /**
     * The permission a user needs to see and open the view, in Shiro wildcard syntax such as
     * {@code "training:exam:take"}. Empty means the view is public: anonymous visitors may
     * open it.
     *
     * @return the required permission, or empty for a public view
     */
    Optional<String> requiredPermission();

    /**
     * Whether the view is shown in the side navigation. Views reached only by links (for
     * example a detail page with a parameter) return {@code false}.
     *
     * @return {@code true} to list the view in the navigation
     */
    default boolean inNavigation() {
        return true;
    }

    /**
     * The view's class, used by the router to recognise the view. The class must be a
     * Vaadin {@link Component}.
     *
     * @return the view class
     */
    Class<? extends Component> viewClass();

    /**
     * Creates a new instance of the view for one navigation. Override to hand the view the
     * services the contributing component received by injection; the default calls the
     * public no-argument constructor of {@link #viewClass()}.
     *
     * @return a new view instance of {@link #viewClass()}
     */
    default Component createView() {
        try {
            return viewClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create view " + viewClass().getName(), e);
        }
    }
}
