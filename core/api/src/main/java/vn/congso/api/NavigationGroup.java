package vn.congso.api;

import java.util.List;
import java.util.Objects;

/**
 * A heading in the side navigation under which views are listed. The standard groups are
 * constants here; a plugin may add a group by registering an instance as an OSGi service of
 * this type. Group titles are translated with the key {@link #titleKey()}.
 *
 * @param id stable identifier, used in {@link ViewContribution#group()}
 * @param titleKey translation key of the heading
 * @param order position among the groups; lower comes first
 */
public record NavigationGroup(String id, String titleKey, int order) {

    /** Online public services and the one-stop shop. */
    public static final NavigationGroup PUBLIC_SERVICES =
            new NavigationGroup("public-services", "congso.nav.group.public-services", 10);
    /** News, legal education and outreach. */
    public static final NavigationGroup PUBLISHING =
            new NavigationGroup("publishing", "congso.nav.group.publishing", 20);
    /** IT-skills courses and exams. */
    public static final NavigationGroup TRAINING =
            new NavigationGroup("training", "congso.nav.group.training", 30);
    /** Video-conference scheduling. */
    public static final NavigationGroup MEETINGS =
            new NavigationGroup("meetings", "congso.nav.group.meetings", 40);
    /** Platform administration. */
    public static final NavigationGroup ADMINISTRATION =
            new NavigationGroup("administration", "congso.nav.group.administration", 90);

    /** The standard groups, in order. */
    public static final List<NavigationGroup> STANDARD =
            List.of(PUBLIC_SERVICES, PUBLISHING, TRAINING, MEETINGS, ADMINISTRATION);

    /**
     * Creates a group.
     *
     * @throws NullPointerException if {@code id} or {@code titleKey} is null
     */
    public NavigationGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(titleKey, "titleKey");
    }
}
