package vn.congso.services.internal.dossier;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import vn.congso.services.internal.calendar.WorkingCalendar;

/**
 * Each step's share of a procedure's working days, in half days, and the due time of each step
 * from the dossier's receipt. The shares add up to the processing time; the specialist has what
 * the desk and the leader do not take.
 *
 * @param receiveHalfDays the desk's share: receiving and assigning (and, inter-level, handing over)
 * @param specialistHalfDays the specialist's share
 * @param leaderHalfDays the leader's share: approving
 */
public record StepPlan(int receiveHalfDays, int specialistHalfDays, int leaderHalfDays) {

    /** The morning ends here: a half day of work is due by noon. */
    public static final LocalTime NOON = LocalTime.NOON;

    /** Checks the shares. */
    public StepPlan {
        if (receiveHalfDays < 0 || specialistHalfDays < 0 || leaderHalfDays < 0) {
            throw new WorkflowException("services.steps.error.negative");
        }
    }

    /** @return the plan of a procedure without steps (settled on the spot) */
    public static StepPlan none() {
        return new StepPlan(0, 0, 0);
    }

    /**
     * The default: the desk half a day, the leader one day, the specialist the rest; short
     * procedures give the desk nothing and the leader half a day. Same-day procedures have no steps.
     *
     * @param processingDays the procedure's processing time in working days
     * @return the plan
     */
    public static StepPlan byDefault(int processingDays) {
        int total = processingDays * 2;
        if (total == 0) {
            return none();
        }
        int receive = total >= 4 ? 1 : 0;
        int leader = total >= 6 ? 2 : 1;
        return new StepPlan(receive, total - receive - leader, leader);
    }

    /**
     * A plan with the desk's and the leader's shares chosen, the specialist having the rest.
     *
     * @param processingDays the procedure's processing time
     * @param receiveHalfDays the desk's share
     * @param leaderHalfDays the leader's share
     * @return the plan
     * @throws WorkflowException when the shares exceed the processing time, or a procedure with
     *         working days has no leader's share
     */
    public static StepPlan of(int processingDays, int receiveHalfDays, int leaderHalfDays) {
        int total = processingDays * 2;
        if (receiveHalfDays < 0 || leaderHalfDays < 0 || receiveHalfDays + leaderHalfDays > total) {
            throw new WorkflowException("services.steps.error.shares", processingDays);
        }
        if (total > 0 && leaderHalfDays == 0) {
            throw new WorkflowException("services.steps.error.leader");
        }
        return new StepPlan(receiveHalfDays, total - receiveHalfDays - leaderHalfDays, leaderHalfDays);
    }

    /** @return whether dossiers go through the steps (otherwise the desk settles them directly) */
    public boolean stepped() {
        return leaderHalfDays > 0;
    }

    /** @param step a step @return its share in half days */
    public int halfDays(Step step) {
        return switch (step) {
            case RECEIVE -> receiveHalfDays;
            case SPECIALIST -> specialistHalfDays;
            case LEADER -> leaderHalfDays;
        };
    }

    /**
     * One step's deadline.
     *
     * @param step the step
     * @param halfDays its share
     * @param due when it is due, local time in Vietnam
     */
    public record StepDue(Step step, int halfDays, LocalDateTime due) {
    }

    /**
     * The due time of each step: counted in half days from the end of the receipt day (a half
     * day ends at noon, a whole one at the cut-off), the last step at the dossier's due day.
     *
     * @param calendar the working days
     * @param receiptDay the working day the dossier counts from
     * @param dueDate the dossier's due day (maybe moved by an apology)
     * @return the steps in order, empty when the procedure has none
     */
    public List<StepDue> schedule(WorkingCalendar calendar, LocalDate receiptDay, LocalDate dueDate) {
        List<StepDue> out = new ArrayList<>();
        if (!stepped()) {
            return out;
        }
        int elapsed = 0;
        for (Step step : Step.values()) {
            elapsed += halfDays(step);
            LocalDateTime due = step == Step.LEADER ? dueDate.atTime(calendar.cutOff())
                    : calendar.addWorkingDays(receiptDay, (elapsed + 1) / 2).atTime(elapsed % 2 == 1 ? NOON : calendar.cutOff());
            out.add(new StepDue(step, halfDays(step), due));
        }
        return out;
    }
}
