package vn.congso.api.ui;

import java.util.List;
import java.util.Objects;

/**
 * A heading in the side navigation under which screens are listed. Core declares only its own
 * groups (administration, the user's account); a plugin declares its groups in
 * {@link ScreenProvider#groups()}. Group titles are translated with the key {@link #titleKey()}.
 *
 * @param id stable identifier, used in {@link Screen.Builder#group(String)}
 * @param titleKey translation key of the heading
 * @param order position among the groups; lower comes first
 */
public record NavigationGroup(String id, String titleKey, int order) {

    /** Platform administration. */
    public static final NavigationGroup ADMINISTRATION =
            new NavigationGroup("administration", "congso.nav.group.administration", 90);
    /** The signed-in user's own account: profile, password. */
    public static final NavigationGroup ACCOUNT =
            new NavigationGroup("account", "congso.nav.group.account", 95);

    /** Core's own groups, in order. */
    public static final List<NavigationGroup> CORE = List.of(ADMINISTRATION, ACCOUNT);

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
