package vn.congso.ui.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import vn.congso.api.ui.NavigationGroup;

/**
 * Turns the view contributions present now into the side navigation one user sees: only the
 * entries the user may open, grouped under their headings, groups and entries ordered.
 * Pure logic, so it is unit-tested without a container.
 */
public final class NavigationModel {

    /** Order given to a group that no one has declared. */
    static final int UNDECLARED_GROUP_ORDER = 1000;

    /**
     * One navigation entry.
     *
     * @param route the route path
     * @param titleKey translation key of the title
     * @param descriptionKey translation key of the description, may be empty
     * @param icon Vaadin icon name
     * @param group navigation group id
     * @param order order within the group
     * @param permission required permission, empty for public
     * @param inNavigation whether the entry is listed
     */
    public record Entry(String route, String titleKey, Optional<String> descriptionKey, String icon,
            String group, int order, Optional<String> permission, boolean inNavigation) {

        /**
         * Whether anonymous visitors may open this entry.
         *
         * @return {@code true} when no permission is required
         */
        public boolean isPublic() {
            return permission.isEmpty() || permission.get().isBlank();
        }
    }

    /**
     * A group heading with its visible entries.
     *
     * @param group the group
     * @param entries ordered entries
     */
    public record Section(NavigationGroup group, List<Entry> entries) {
    }

    private static final Comparator<Entry> ENTRY_ORDER =
            Comparator.comparingInt(Entry::order).thenComparing(Entry::route);

    private NavigationModel() {
    }

    /**
     * Builds the sections one user sees.
     *
     * @param entries every active contribution
     * @param declaredGroups core's groups and those plugins declared
     * @param permitted tells whether the user holds a permission
     * @return non-empty sections in order
     */
    public static List<Section> sections(Collection<Entry> entries, Collection<NavigationGroup> declaredGroups,
            Predicate<String> permitted) {
        Map<String, NavigationGroup> groups = new LinkedHashMap<>();
        for (NavigationGroup group : declaredGroups) {
            groups.putIfAbsent(group.id(), group);
        }
        Map<String, List<Entry>> byGroup = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (!entry.inNavigation() || !isVisible(entry, permitted)) {
                continue;
            }
            byGroup.computeIfAbsent(entry.group(), g -> new ArrayList<>()).add(entry);
        }
        List<Section> sections = new ArrayList<>();
        byGroup.forEach((groupId, groupEntries) -> {
            NavigationGroup group = groups.getOrDefault(groupId,
                    new NavigationGroup(groupId, "congso.nav.group." + groupId, UNDECLARED_GROUP_ORDER));
            groupEntries.sort(ENTRY_ORDER);
            sections.add(new Section(group, List.copyOf(groupEntries)));
        });
        sections.sort(Comparator.comparingInt((Section s) -> s.group().order())
                .thenComparing(s -> s.group().id()));
        return List.copyOf(sections);
    }

    /**
     * The public entries listed on the home page, in navigation order.
     *
     * @param entries every active contribution
     * @param declaredGroups the declared groups
     * @return public, listed entries
     */
    public static List<Entry> publicServices(Collection<Entry> entries, Collection<NavigationGroup> declaredGroups) {
        List<Entry> result = new ArrayList<>();
        for (Section section : sections(entries, declaredGroups, permission -> false)) {
            result.addAll(section.entries());
        }
        return result;
    }

    /**
     * What a signed-in user may open beyond the public services and their own account settings,
     * for the "for you" cards of the home page: the protected entries of their navigation, in
     * navigation order.
     *
     * @param entries every active contribution
     * @param declaredGroups the declared groups
     * @param permitted tells whether the user holds a permission
     * @return listed entries that need a permission the user holds
     */
    public static List<Entry> forUser(Collection<Entry> entries, Collection<NavigationGroup> declaredGroups,
            Predicate<String> permitted) {
        List<Entry> result = new ArrayList<>();
        for (Section section : sections(entries, declaredGroups, permitted)) {
            String group = section.group().id();
            if (group.equals(NavigationGroup.ACCOUNT.id())) {
                continue;
            }
            section.entries().stream().filter(entry -> !entry.isPublic()).forEach(result::add);
        }
        return result;
    }

    /**
     * Whether a user may open an entry.
     *
     * @param entry the entry
     * @param permitted the user's permission check
     * @return {@code true} if the entry is public or the permission is held
     */
    public static boolean isVisible(Entry entry, Predicate<String> permitted) {
        return entry.isPublic() || permitted.test(entry.permission().get());
    }

    /**
     * The listed entry to highlight for a page: the entry itself, else (a child page such as
     * {@code notices/notice/3}) the entry sharing most leading path segments with it, among those
     * whose route is a whole prefix of the page's path or whose next segment names the page's
     * ({@code notices/manage/notices} for {@code notices/manage/notice/5}); on a tie the first
     * listed wins.
     *
     * @param path the page's path, without a leading slash
     * @param routes the listed entries' routes, in navigation order
     * @return the route to highlight, empty when none is related
     */
    public static Optional<String> highlighted(String path, List<String> routes) {
        String[] page = path.split("/");
        String best = null;
        double bestScore = 0;
        for (String route : routes) {
            if (route.isEmpty()) {
                continue;
            }
            if (route.equals(path)) {
                return Optional.of(route);
            }
            String[] entry = route.split("/");
            int common = 0;
            while (common < entry.length && common < page.length && entry[common].equals(page[common])) {
                common++;
            }
            double score;
            if (common == entry.length) {
                score = common;
            } else if (common > 0 && common + 1 == entry.length && common < page.length
                    && (entry[common].startsWith(page[common]) || page[common].startsWith(entry[common]))) {
                score = common + 0.5;
            } else {
                continue;
            }
            if (score > bestScore) {
                best = route;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
