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
                Optional.empty(), "", Map.of(), "", "");
    }

    static Dossier stepped(String step, String settling, String assignee) {
        Dossier d = dossier(Status.PROCESSING, "xa-tai-van", settling, true);
        return new Dossier(d.id(), d.code(), d.procedureCode(), d.applicant(), d.applicantName(), d.phone(), d.email(),
                d.channel(), d.receivingUnit(), d.settlingUnit(), d.status(), d.submittedAt(), d.receivedAt(), d.dueDate(),
                d.settledAt(), d.onTime(), d.returnedAt(), d.note(), d.form(), step, assignee);
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
                // The steps' actions with every officer permission, so only order and unit can refuse them.
                Workflow.Actor who = a == Action.SUPPLEMENT || a == Action.WITHDRAW ? CITIZEN
                        : a == Action.APPROVE || a == Action.SEND_BACK ? CHIEF : DESK;
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

    static final Workflow.Actor CHIEF = actor("truong", "xa-tai-van", ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS,
            ServicesPermissions.APPROVE);

    /** From each step of a stepped procedure, exactly its actions pass (the citizen's aside). */
    @Test
    void steppedProceduresGoThroughAssignProposeApprove() {
        Map<String, Map<Action, Status>> allowed = Map.of(
                "receive", Map.of(Action.ASSIGN, Status.PROCESSING, Action.REQUEST_SUPPLEMENT, Status.SUPPLEMENT,
                        Action.APOLOGISE, Status.PROCESSING),
                "specialist", Map.of(Action.ASSIGN, Status.PROCESSING, Action.PROPOSE, Status.PROCESSING,
                        Action.REQUEST_SUPPLEMENT, Status.SUPPLEMENT, Action.APOLOGISE, Status.PROCESSING),
                "leader", Map.of(Action.APPROVE, Status.SETTLED, Action.SEND_BACK, Status.PROCESSING,
                        Action.REQUEST_SUPPLEMENT, Status.SUPPLEMENT, Action.APOLOGISE, Status.PROCESSING));
        int checked = 0;
        for (var step : allowed.entrySet()) {
            Dossier d = stepped(step.getKey(), "xa-tai-van", "truong");
            for (Action a : EnumSet.complementOf(EnumSet.of(Action.SUBMIT, Action.SUPPLEMENT, Action.WITHDRAW))) {
                Status expected = step.getValue().get(a);
                if (expected == null) {
                    assertThrows(WorkflowException.class, () -> Workflow.check(a, d, false, "district", true, CHIEF),
                            a + " at " + step.getKey());
                } else {
                    assertEquals(expected, Workflow.check(a, d, false, "district", true, CHIEF), a + " at " + step.getKey());
                }
                checked++;
            }
        }
        assertEquals(3 * (Action.values().length - 3), checked);
        // Settling alone is refused for a stepped procedure; the steps are refused for one without.
        assertEquals("services.error.steps-first", assertThrows(WorkflowException.class, () -> Workflow.check(Action.SETTLE,
                stepped("receive", "xa-tai-van", ""), false, "district", true, CHIEF)).key());
        assertEquals("services.error.no-steps", assertThrows(WorkflowException.class, () -> Workflow.check(Action.ASSIGN,
                stepped("", "xa-tai-van", ""), false, "district", false, CHIEF)).key());
    }

    @Test
    void eachStepIsItsRolesAtItsUnit() {
        Workflow.Actor specialist = actor("chuyenvien", "district", ServicesPermissions.PROCESS);
        Workflow.Actor leader = actor("lanhdao", "district", ServicesPermissions.APPROVE);
        Workflow.Actor otherLeader = actor("lanhdao.xa", "xa-tai-van", ServicesPermissions.APPROVE);
        Workflow.Actor districtDesk = actor("motcua.huyen", "district", ServicesPermissions.RECEIVE);
        Dossier atDistrict = stepped("receive", "district", "");
        assertThrows(AccessDeniedException.class, () -> Workflow.check(Action.ASSIGN, atDistrict, true, "district", true, specialist));
        assertEquals(Status.PROCESSING, Workflow.check(Action.ASSIGN, atDistrict, true, "district", true, districtDesk));
        assertEquals(Status.PROCESSING, Workflow.check(Action.ASSIGN, atDistrict, true, "district", true, leader));
        assertEquals("services.error.transfer-first", assertThrows(WorkflowException.class, () -> Workflow.check(Action.ASSIGN,
                stepped("receive", "xa-tai-van", ""), true, "district", true, DESK)).key());
        Dossier withSpecialist = stepped("specialist", "district", "chuyenvien");
        assertEquals(Status.PROCESSING, Workflow.check(Action.PROPOSE, withSpecialist, true, "district", true, specialist));
        assertEquals("services.error.not-assignee", assertThrows(WorkflowException.class, () -> Workflow.check(Action.PROPOSE,
                withSpecialist, true, "district", true, actor("chuyenvien2", "district", ServicesPermissions.PROCESS))).key());
        assertThrows(AccessDeniedException.class, () -> Workflow.check(Action.PROPOSE, withSpecialist, true, "district", true, leader));
        Dossier proposed = stepped("leader", "district", "chuyenvien");
        assertThrows(AccessDeniedException.class, () -> Workflow.check(Action.APPROVE, proposed, true, "district", true, specialist));
        assertEquals("services.error.other-unit", assertThrows(WorkflowException.class,
                () -> Workflow.check(Action.APPROVE, proposed, true, "district", true, otherLeader)).key());
        assertEquals(Status.SETTLED, Workflow.check(Action.APPROVE, proposed, true, "district", true, leader));
        assertEquals("services.error.wrong-step", assertThrows(WorkflowException.class,
                () -> Workflow.check(Action.APPROVE, withSpecialist, true, "district", true, leader)).key());
    }
}
