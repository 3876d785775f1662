package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;

/** Saved groups of points: created, renamed with new points, deleted; bad input and other roles refused, nothing saved. */
class PointGroupTest {

    @TempDir
    Path folder;

    @Test
    void aCoordinatorSavesRenamesAndDeletesAGroupAndEveryChangeIsAudited() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        Set<Long> communes = Set.copyOf(f.pointIds.subList(1, 12));
        long id = f.service.savePointGroup(0, "  11 xã, thị trấn ", communes);
        long coast = f.service.savePointGroup(0, "Các xã ven biển", Set.of(f.pointIds.get(2), f.pointIds.get(5)));

        List<ConferenceService.PointGroup> groups = f.service.pointGroups();
        assertEquals(List.of("11 xã, thị trấn", "Các xã ven biển"), groups.stream().map(ConferenceService.PointGroup::name)
                .toList());
        assertEquals(communes, groups.get(0).pointIds());

        f.service.savePointGroup(coast, "Xã ven biển", Set.of(f.pointIds.get(0), f.pointIds.get(2)));
        ConferenceService.PointGroup renamed = f.service.pointGroups().stream().filter(g -> g.id() == coast).findFirst()
                .orElseThrow();
        assertEquals("Xã ven biển", renamed.name());
        assertEquals(Set.of(f.pointIds.get(0), f.pointIds.get(2)), renamed.pointIds());

        f.service.deletePointGroup(id);
        assertEquals(List.of(coast), f.service.pointGroups().stream().map(ConferenceService.PointGroup::id).toList());
        assertTrue(f.audited.containsAll(List.of("conference.group.save " + id + " SUCCESS",
                "conference.group.save " + coast + " SUCCESS", "conference.group.delete " + id + " SUCCESS")), f.audited
                        .toString());
    }

    @Test
    void badGroupsAreRefusedWithTheReasonAndNothingChanges() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long id = f.service.savePointGroup(0, "Cụm 1", Set.of(f.pointIds.get(1)));
        long other = f.service.savePointGroup(0, "Cụm 2", Set.of(f.pointIds.get(2)));

        assertEquals("conference.error.group-name-taken", assertThrows(ConferenceException.class,
                () -> f.service.savePointGroup(0, "cụm 1", Set.of(f.pointIds.get(3)))).key());
        assertEquals("conference.error.group-name-taken", assertThrows(ConferenceException.class,
                () -> f.service.savePointGroup(other, "CỤM 1", Set.of(f.pointIds.get(3)))).key());
        assertEquals("conference.error.required", assertThrows(ConferenceException.class,
                () -> f.service.savePointGroup(0, "  ", Set.of(f.pointIds.get(3)))).key());
        assertEquals("conference.error.too-long-text", assertThrows(ConferenceException.class,
                () -> f.service.savePointGroup(0, "x".repeat(121), Set.of(f.pointIds.get(3)))).key());
        assertEquals("conference.error.no-points", assertThrows(ConferenceException.class,
                () -> f.service.savePointGroup(id, "Cụm 1 mới", Set.of())).key());
        ConferenceException unknown = assertThrows(ConferenceException.class,
                () -> f.service.savePointGroup(id, "Cụm 1 mới", Set.of(f.pointIds.get(4), 99_999L)));
        assertEquals("conference.error.unknown-point", unknown.key());
        assertEquals(99_999L, unknown.args()[0]);
        assertEquals("conference.error.unknown-group", assertThrows(ConferenceException.class,
                () -> f.service.savePointGroup(12_345, "Cụm 9", Set.of(f.pointIds.get(4)))).key());
        assertEquals("conference.error.unknown-group", assertThrows(ConferenceException.class,
                () -> f.service.deletePointGroup(12_345)).key());

        List<ConferenceService.PointGroup> groups = f.service.pointGroups();
        assertEquals(List.of("Cụm 1", "Cụm 2"), groups.stream().map(ConferenceService.PointGroup::name).toList());
        assertEquals(Set.of(f.pointIds.get(1)), groups.get(0).pointIds());
    }

    @Test
    void onlyACoordinatorChangesGroupsAndARefusalIsAudited() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long id = f.service.savePointGroup(0, "Cụm 1", Set.of(f.pointIds.get(1)));
        f.userId = "kythuat.xa-1";
        f.permissions = Set.of(ConferencePermissions.READINESS_CONFIRM);

        assertThrows(AccessDeniedException.class, () -> f.service.savePointGroup(0, "Của tôi", Set.of(f.pointIds.get(1))));
        assertThrows(AccessDeniedException.class, () -> f.service.savePointGroup(id, "Đổi", Set.of(f.pointIds.get(1))));
        assertThrows(AccessDeniedException.class, () -> f.service.deletePointGroup(id));
        assertTrue(f.audited.contains("conference.group.delete  DENIED"), f.audited.toString());

        f.permissions = Set.of(ConferencePermissions.BOOKING_MANAGE);
        assertEquals(List.of("Cụm 1"), f.service.pointGroups().stream().map(ConferenceService.PointGroup::name).toList());
    }
}
