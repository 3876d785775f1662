package vn.congso.services.internal.dossier;

import java.util.Objects;
import java.util.function.Predicate;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.ServicesPermissions;

/**
 * The dossier state machine: which action is allowed from which status, to whom. Nothing here
 * touches the database; {@link JdbcDossierService} asks before every change.
 *
 * <pre>
 * SUBMITTED --receive--> PROCESSING --settle--> SETTLED --return--> RETURNED
 * SUBMITTED --refuse--> REFUSED            PROCESSING --transfer--> PROCESSING (district)
 * SUBMITTED, PROCESSING --request-supplement--> SUPPLEMENT --supplement--> PROCESSING (or SUBMITTED)
 * SUBMITTED, SUPPLEMENT --withdraw--> WITHDRAWN
 * PROCESSING, SETTLED --apologise--> (same status, new due day: template 04)
 * </pre>
 * Procedures with steps ({@link StepPlan#stepped()}) are settled through them instead of
 * {@code settle}: PROCESSING[receive] --assign--> [specialist] --propose--> [leader] --approve-->
 * SETTLED, the leader may {@code send-back} to [specialist], and the desk or leader may re-assign.
 */
public final class Workflow {

    private Workflow() {
    }

    /**
     * Who acts.
     *
     * @param username the account
     * @param unit the unit the account belongs to today, empty for a citizen without one
     * @param permissions what the account may do
     */
    public record Actor(String username, String unit, Predicate<String> permissions) {
        /** Checks the fields. */
        public Actor {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(permissions, "permissions");
        }

        boolean may(String permission) {
            return permissions.test(permission);
        }
    }

    /**
     * Checks an action; returns normally when it is allowed.
     *
     * @param action the action
     * @param dossier the dossier as it stands
     * @param interLevel whether its procedure is received at the commune and settled by the district
     * @param districtUnit the code of the unit that settles inter-level dossiers (the district)
     * @param actor who acts
     * @return the status after the action
     * @throws AccessDeniedException when the actor lacks the permission the action needs
     * @throws WorkflowException when the action is out of order or not the actor's to take
     */
    public static Status check(Action action, Dossier dossier, boolean interLevel, String districtUnit, Actor actor) {
        return check(action, dossier, interLevel, districtUnit, false, actor);
    }

    /**
     * Checks an action; returns normally when it is allowed.
     *
     * @param action the action
     * @param dossier the dossier as it stands
     * @param interLevel whether its procedure is received at the commune and settled by the district
     * @param districtUnit the code of the unit that settles inter-level dossiers (the district)
     * @param stepped whether the procedure goes through the steps (assign, propose, approve)
     * @param actor who acts
     * @return the status after the action
     * @throws AccessDeniedException when the actor lacks the permission the action needs
     * @throws WorkflowException when the action is out of order or not the actor's to take
     */
    public static Status check(Action action, Dossier dossier, boolean interLevel, String districtUnit, boolean stepped,
            Actor actor) {
        Status s = dossier.status();
        Step step = Step.ofNullable(dossier.step());
        switch (action) {
            case ASSIGN, PROPOSE, APPROVE, SEND_BACK -> {
                if (action == Action.ASSIGN) {
                    if (!actor.may(ServicesPermissions.RECEIVE) && !actor.may(ServicesPermissions.APPROVE)) {
                        throw new AccessDeniedException(ServicesPermissions.RECEIVE);
                    }
                } else {
                    need(actor, action == Action.PROPOSE ? ServicesPermissions.PROCESS : ServicesPermissions.APPROVE);
                }
                inStatus(action, s, Status.PROCESSING);
                if (!stepped) {
                    throw new WorkflowException("services.error.no-steps");
                }
                atUnit(actor, dossier.settlingUnit());
                if (interLevel && !dossier.settlingUnit().equals(districtUnit)) {
                    throw new WorkflowException("services.error.transfer-first");
                }
                Step expected = switch (action) {
                    case ASSIGN -> step == Step.SPECIALIST ? Step.SPECIALIST : Step.RECEIVE;
                    case PROPOSE -> Step.SPECIALIST;
                    default -> Step.LEADER;
                };
                if (step != expected && !(action == Action.ASSIGN && step == null)) {
                    throw new WorkflowException("services.error.wrong-step", action.code(),
                            step == null ? Step.RECEIVE.code() : step.code());
                }
                if (action == Action.PROPOSE && !actor.username().equals(dossier.assignee())) {
                    throw new WorkflowException("services.error.not-assignee");
                }
                return action == Action.APPROVE ? Status.SETTLED : Status.PROCESSING;
            }
            case RECEIVE, REFUSE -> {
                need(actor, ServicesPermissions.RECEIVE);
                inStatus(action, s, Status.SUBMITTED);
                atUnit(actor, dossier.receivingUnit());
                return action == Action.RECEIVE ? Status.PROCESSING : Status.REFUSED;
            }
            case REQUEST_SUPPLEMENT -> {
                if (s == Status.SUBMITTED) {
                    need(actor, ServicesPermissions.RECEIVE);
                    atUnit(actor, dossier.receivingUnit());
                } else if (s == Status.PROCESSING) {
                    if (!actor.may(ServicesPermissions.PROCESS) && !actor.may(ServicesPermissions.RECEIVE)) {
                        throw new AccessDeniedException(ServicesPermissions.PROCESS);
                    }
                    atUnit(actor, dossier.settlingUnit());
                } else {
                    throw outOfOrder(action, s);
                }
                return Status.SUPPLEMENT;
            }
            case SUPPLEMENT, WITHDRAW -> {
                need(actor, ServicesPermissions.SUBMIT);
                if (action == Action.SUPPLEMENT) {
                    inStatus(action, s, Status.SUPPLEMENT);
                } else if (s != Status.SUBMITTED && s != Status.SUPPLEMENT) {
                    throw outOfOrder(action, s);
                }
                if (dossier.applicant().isEmpty() || !dossier.applicant().equals(actor.username())) {
                    throw new WorkflowException("services.error.not-yours");
                }
                if (action == Action.WITHDRAW) {
                    return Status.WITHDRAWN;
                }
                return dossier.receivedAt().isPresent() ? Status.PROCESSING : Status.SUBMITTED;
            }
            case TRANSFER -> {
                need(actor, ServicesPermissions.RECEIVE);
                inStatus(action, s, Status.PROCESSING);
                if (!interLevel) {
                    throw new WorkflowException("services.error.not-inter-level");
                }
                if (dossier.settlingUnit().equals(districtUnit)) {
                    throw new WorkflowException("services.error.already-transferred");
                }
                atUnit(actor, dossier.settlingUnit());
                return Status.PROCESSING;
            }
            case SETTLE -> {
                need(actor, ServicesPermissions.PROCESS);
                inStatus(action, s, Status.PROCESSING);
                atUnit(actor, dossier.settlingUnit());
                if (interLevel && !dossier.settlingUnit().equals(districtUnit)) {
                    throw new WorkflowException("services.error.transfer-first");
                }
                if (stepped) {
                    // The leader approves what the specialist proposes; nobody settles alone.
                    throw new WorkflowException("services.error.steps-first");
                }
                return Status.SETTLED;
            }
            case RETURN -> {
                need(actor, ServicesPermissions.RECEIVE);
                inStatus(action, s, Status.SETTLED);
                atUnit(actor, dossier.receivingUnit());
                return Status.RETURNED;
            }
            case APOLOGISE -> {
                if (!actor.may(ServicesPermissions.PROCESS) && !actor.may(ServicesPermissions.RECEIVE)) {
                    throw new AccessDeniedException(ServicesPermissions.PROCESS);
                }
                if (s == Status.PROCESSING) {
                    // The unit that holds it is the one that is late.
                    atUnit(actor, dossier.settlingUnit());
                } else if (s == Status.SETTLED) {
                    atUnit(actor, dossier.receivingUnit());
                } else {
                    throw outOfOrder(action, s);
                }
                return s;
            }
            default -> throw new WorkflowException("services.error.out-of-order", action.code(), s.code());
        }
    }

    private static void need(Actor actor, String permission) {
        if (!actor.may(permission)) {
            throw new AccessDeniedException(permission);
        }
    }

    private static void inStatus(Action action, Status actual, Status expected) {
        if (actual != expected) {
            throw outOfOrder(action, actual);
        }
    }

    private static WorkflowException outOfOrder(Action action, Status actual) {
        return new WorkflowException("services.error.out-of-order", action.code(), actual.code());
    }

    private static void atUnit(Actor actor, String unit) {
        if (!unit.equals(actor.unit())) {
            throw new WorkflowException("services.error.other-unit", unit);
        }
    }
}
