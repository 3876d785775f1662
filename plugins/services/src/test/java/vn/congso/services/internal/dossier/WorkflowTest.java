package vn.congso.services.internal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.ServicesPermissions;

/** Every action from every status: exactly the allowed ones pass, to the right status. */
class WorkflowTest {

    static Dossier dossier(Status status, String receiving, String settling, boolean received) {
        return new Dossier(1, "HS-1", "1.001193", "congdan", "An", "0912345678", "", "online", receiving, settling, status,
                Instant.EPOCH, received ? Optional.of(Instant.EPOCH) : Optional.empty(),
                received ? Optional.of(LocalDate.of(2026, 3, 3)) : Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "", Map.of());
    }

    static Workflow.Actor actor(String name, String unit, String... permissions) {
        Set<String> granted = Set.of(permissions);
        return new Workflow.Actor(name, unit, granted::contains);
    }

    static final Workflow.Actor DESK = actor("motcua", "xa-tai-van", ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
    static final Workflow.Actor CITIZEN = actor("congdan", "", ServicesPermissions.SUBMIT);

    /** The allowed transitions of a commune procedure handled by its commune desk. */
    static final Map<Status, Map<Action, Status>> ALLOWED = Map.of(
            Status.SUBMITTED, Map.of(Action.RECEIVE, Status.PROCESSING, Action.REFUSE, Status.REFUSED,
                    Action.REQUEST_SUPPLEMENT, Status.SUPPLEMENT, Action.WITHDRAW, Status.WITHDRAWN),
            Status.PROCESSING, Map.of(Action.SETTLE, Status.SETTLED, Action.REQUEST_SUPPLEMENT, Status.SUPPLEMENT,
                    Action.APOLOGISE, Status.PROCESSING),
            Status.SUPPLEMENT, Map.of(Action.SUPPLEMENT, Status.PROCESSING, Action.WITHDRAW, Status.WITHDRAWN),
            Status.SETTLED, Map.of(Action.RETURN, Status.RETURNED, Action.APOLOGISE, Status.SETTLED),
            Status.RETURNED, Map.of(), Status.REFUSED, Map.of(), Status.WITHDRAWN, Map.of());

    @Test
    void exactlyTheAllowedTransitionsPass() {
        int checked = 0;
        for (Status s : Status.values()) {
            for (Action a : EnumSet.complementOf(EnumSet.of(Action.SUBMIT))) {
                Dossier d = dossier(s, "xa-tai-van", "xa-tai-van", s != Status.SUBMITTED);
                Workflow.Actor who = a == Action.SUPPLEMENT || a == Action.WITHDRAW ? CITIZEN : DESK;
                Status expected = ALLOWED.get(s).get(a);
                if (expected == null) {
                    assertThrows(WorkflowException.class, () -> Workflow.check(a, d, false, "district", who),
                            a + " from " + s);
                } else {
                    assertEquals(expected, Workflow.check(a, d, false, "district", who), a + " from " + s);
                }
                checked++;
            }
        }
        assertEquals(Status.values().length * (Action.values().length - 1), checked);
    }

    @Test
    void eachActionNeedsItsPermissionAndItsUnit() {
        Dossier submitted = dossier(Status.SUBMITTED, "xa-tai-van", "xa-tai-van", false);
        assertThrows(AccessDeniedException.class, () -> Workflow.check(Action.RECEIVE, submitted, false, "district",
                actor("chuyenvien", "xa-tai-van", ServicesPermissions.PROCESS)));
        assertThrows(AccessDeniedException.class, () -> Workflow.check(Action.RECEIVE, submitted, false, "district", CITIZEN));
        assertEquals("services.error.other-unit", assertThrows(WorkflowException.class, () -> Workflow.check(Action.RECEIVE,
                submitted, false, "district", actor("motcua", "xa-lieu-tu", ServicesPermissions.RECEIVE))).key());
        assertThrows(AccessDeniedException.class, () -> Workflow.check(Action.WITHDRAW, submitted, false, "district", DESK));
        assertEquals("services.error.not-yours", assertThrows(WorkflowException.class, () -> Workflow.check(Action.WITHDRAW,
                submitted, false, "district", actor("other", "", ServicesPermissions.SUBMIT))).key());
        // A supplement before reception goes back to the desk's inbox, not into processing.
        assertEquals(Status.SUBMITTED, Workflow.check(Action.SUPPLEMENT,
                dossier(Status.SUPPLEMENT, "xa-tai-van", "xa-tai-van", false), false, "district", CITIZEN));
    }

    @Test
    void interLevelDossiersAreSettledByTheDistrictOnly() {
        Dossier atCommune = dossier(Status.PROCESSING, "xa-tai-van", "xa-tai-van", true);
        assertEquals("services.error.transfer-first", assertThrows(WorkflowException.class,
                () -> Workflow.check(Action.SETTLE, atCommune, true, "district", DESK)).key());
        assertEquals(Status.PROCESSING, Workflow.check(Action.TRANSFER, atCommune, true, "district", DESK));
        Dossier atDistrict = dossier(Status.PROCESSING, "xa-tai-van", "district", true);
        assertEquals("services.error.other-unit", assertThrows(WorkflowException.class,
                () -> Workflow.check(Action.SETTLE, atDistrict, true, "district", DESK)).key());
        assertEquals(Status.SETTLED, Workflow.check(Action.SETTLE, atDistrict, true, "district",
                actor("chuyenvien", "district", ServicesPermissions.PROCESS)));
        assertEquals("services.error.not-inter-level", assertThrows(WorkflowException.class,
                () -> Workflow.check(Action.TRANSFER, atCommune, false, "district", DESK)).key());
    }

    @Test
    void theApologyIsTheLateUnitsOwn() {
        // Processing: the unit that holds the dossier is late; settled: the desk that has to return it.
        Dossier atDistrict = dossier(Status.PROCESSING, "xa-tai-van", "district", true);
        Workflow.Actor districtSpecialist = actor("chuyenvien", "district", ServicesPermissions.PROCESS);
        assertEquals(Status.PROCESSING, Workflow.check(Action.APOLOGISE, atDistrict, true, "district", districtSpecialist));
        assertEquals("services.error.other-unit", assertThrows(WorkflowException.class,
                () -> Workflow.check(Action.APOLOGISE, atDistrict, true, "district", DESK)).key());
        Dossier settled = dossier(Status.SETTLED, "xa-tai-van", "district", true);
        assertEquals(Status.SETTLED, Workflow.check(Action.APOLOGISE, settled, true, "district", DESK));
        assertEquals("services.error.other-unit", assertThrows(WorkflowException.class,
                () -> Workflow.check(Action.APOLOGISE, settled, true, "district", districtSpecialist)).key());
        assertThrows(AccessDeniedException.class, () -> Workflow.check(Action.APOLOGISE, settled, true, "district", CITIZEN));
    }
}
