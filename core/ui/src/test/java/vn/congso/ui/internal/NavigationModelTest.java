package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congso.api.ui.NavigationGroup;

class NavigationModelTest {

    /** Core's groups and three that plugins declared. */
    private static final List<NavigationGroup> GROUPS = List.of(
            new NavigationGroup("public-services", "services.group", 10),
            new NavigationGroup("training", "training.group", 30),
            new NavigationGroup("meetings", "meetings.group", 40),
            NavigationGroup.ADMINISTRATION, NavigationGroup.ACCOUNT);

    private static NavigationModel.Entry entry(String route, String group, int order, String permission) {
        return new NavigationModel.Entry(route, route + ".title", Optional.empty(), "vaadin:file", group, order,
                Optional.ofNullable(permission), true);
    }

    private static List<String> routes(List<NavigationModel.Section> sections) {
        return sections.stream().flatMap(s -> s.entries().stream()).map(NavigationModel.Entry::route).toList();
    }

    @Test
    void groupsFollowTheirDeclaredOrderNotTheOrderViewsArrived() {
        List<NavigationModel.Entry> entries = List.of(
                entry("admin/users", "administration", 10, null),
                entry("meetings", "meetings", 10, null),
                entry("services", "public-services", 10, null),
                entry("courses", "training", 10, null));

        List<NavigationModel.Section> sections =
                NavigationModel.sections(entries, GROUPS, p -> false);

        assertEquals(List.of("public-services", "training", "meetings", "administration"),
                sections.stream().map(s -> s.group().id()).toList());
    }

    @Test
    void entriesAreOrderedByOrderThenRouteWithinAGroup() {
        List<NavigationModel.Entry> entries = List.of(
                entry("services/track", "public-services", 20, null),
                entry("services/b", "public-services", 10, null),
                entry("services/a", "public-services", 10, null));

        assertEquals(List.of("services/a", "services/b", "services/track"),
                routes(NavigationModel.sections(entries, GROUPS, p -> false)));
    }

    @Test
    void entriesNeedingAPermissionAreHiddenFromUsersWithoutIt() {
        List<NavigationModel.Entry> entries = List.of(
                entry("services", "public-services", 10, null),
                entry("exams/take", "training", 10, "training:exam:take"),
                entry("admin/plugins", "administration", 10, "platform:plugins:manage"));
        Set<String> held = Set.of("training:exam:take");

        List<NavigationModel.Section> sections =
                NavigationModel.sections(entries, GROUPS, held::contains);

        assertEquals(List.of("services", "exams/take"), routes(sections));
        assertTrue(sections.stream().noneMatch(s -> s.group().id().equals("administration")),
                "an empty group must not be shown");
    }

    @Test
    void anonymousVisitorsSeeOnlyPublicEntries() {
        List<NavigationModel.Entry> entries = List.of(
                entry("services", "public-services", 10, null),
                entry("services/blank-permission", "public-services", 11, ""),
                entry("exams", "training", 10, "training:exam:take"));

        assertEquals(List.of("services", "services/blank-permission"),
                routes(NavigationModel.sections(entries, GROUPS, p -> false)));
        assertEquals(List.of("services", "services/blank-permission"),
                NavigationModel.publicServices(entries, GROUPS).stream()
                        .map(NavigationModel.Entry::route).toList());
    }

    @Test
    void theHomePageOffersASignedInUserWhatTheyMayOpenBeyondPublicScreensAndTheirAccount() {
        List<NavigationModel.Entry> entries = List.of(
                entry("services", "public-services", 10, null),
                entry("services/tax", "public-services", 20, "services:tax"),
                entry("training/manage/exams", "training", 20, "training:exam:manage"),
                entry("training", "training", 10, "training:course:enrol"),
                entry("training/verify", "training", 30, null),
                entry("admin/users", "administration", 10, "platform:users:manage"),
                entry("account/password", "account", 10, "platform:account"));
        Set<String> learner = Set.of("training:course:enrol", "services:tax", "platform:account");

        assertEquals(List.of("services/tax", "training"), NavigationModel.forUser(entries, GROUPS, learner::contains)
                .stream().map(NavigationModel.Entry::route).toList());
        assertEquals(List.of("services/tax", "training", "training/manage/exams", "admin/users"),
                NavigationModel.forUser(entries, GROUPS, p -> true).stream()
                        .map(NavigationModel.Entry::route).toList());
        assertTrue(NavigationModel.forUser(entries, GROUPS, p -> false).isEmpty());
    }

    @Test
    void entriesOutOfTheNavigationAreNotListed() {
        NavigationModel.Entry detail = new NavigationModel.Entry("services/detail", "t", Optional.empty(), "i",
                "public-services", 1, Optional.empty(), false);

        assertTrue(NavigationModel.sections(List.of(detail), GROUPS, p -> true).isEmpty());
    }

    @Test
    void aPluginGroupIsPlacedByItsOrderAndAnUndeclaredGroupComesLast() {
        NavigationGroup reports = new NavigationGroup("reports", "reports.title", 35);
        List<NavigationModel.Entry> entries = List.of(
                entry("x", "unknown-group", 1, null),
                entry("r", "reports", 1, null),
                entry("c", "training", 1, null),
                entry("m", "meetings", 1, null));
        List<NavigationGroup> groups = new java.util.ArrayList<>(GROUPS);
        groups.add(reports);

        List<NavigationModel.Section> sections = NavigationModel.sections(entries, groups, p -> false);

        assertEquals(List.of("training", "reports", "meetings", "unknown-group"),
                sections.stream().map(s -> s.group().id()).toList());
        assertEquals("congso.nav.group.unknown-group", sections.get(3).group().titleKey());
    }
}
