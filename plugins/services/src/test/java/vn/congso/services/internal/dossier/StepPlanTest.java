package vn.congso.services.internal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congso.services.internal.calendar.DayKind;
import vn.congso.services.internal.calendar.WorkingCalendar;

/** The steps' shares and each step's due time over working days. */
class StepPlanTest {

    /** 2026 with the Hùng Kings' compensatory Monday 27 April and 30 April, 1 May off. */
    static final WorkingCalendar CALENDAR = new WorkingCalendar(Map.of(LocalDate.of(2026, 4, 27), DayKind.COMPENSATORY,
            LocalDate.of(2026, 4, 30), DayKind.HOLIDAY, LocalDate.of(2026, 5, 1), DayKind.HOLIDAY), Set.of(2026),
            LocalTime.of(17, 0));

    @Test
    void theDefaultSharesAddUpToTheProcessingTime() {
        assertFalse(StepPlan.byDefault(0).stepped(), "settled on the spot");
        assertEquals(new StepPlan(0, 1, 1), StepPlan.byDefault(1));
        assertEquals(new StepPlan(1, 2, 1), StepPlan.byDefault(2));
        assertEquals(new StepPlan(1, 27, 2), StepPlan.byDefault(15));
        for (int days = 1; days <= 60; days++) {
            StepPlan p = StepPlan.byDefault(days);
            assertEquals(days * 2, p.receiveHalfDays() + p.specialistHalfDays() + p.leaderHalfDays());
            assertTrue(p.stepped() && p.specialistHalfDays() >= 1, "days " + days);
        }
    }

    @Test
    void chosenSharesMustFitAndLeaveTheLeaderAShare() {
        assertEquals(new StepPlan(2, 24, 4), StepPlan.of(15, 2, 4));
        assertEquals("services.steps.error.shares", assertThrows(WorkflowException.class, () -> StepPlan.of(2, 2, 3)).key());
        assertEquals("services.steps.error.shares", assertThrows(WorkflowException.class, () -> StepPlan.of(2, -1, 1)).key());
        assertEquals("services.steps.error.leader", assertThrows(WorkflowException.class, () -> StepPlan.of(2, 1, 0)).key());
    }

    @Test
    void eachStepIsDueAfterItsShareOfWorkingHalfDays() {
        // Received on Thursday 23 April 2026, 5 working days (24, 28, 29 April, 4, 5 May): due Tuesday 5 May.
        LocalDate receipt = LocalDate.of(2026, 4, 23);
        LocalDate due = CALENDAR.addWorkingDays(receipt, 5);
        assertEquals(LocalDate.of(2026, 5, 5), due);
        List<StepPlan.StepDue> steps = StepPlan.byDefault(5).schedule(CALENDAR, receipt, due);
        assertEquals(List.of(
                new StepPlan.StepDue(Step.RECEIVE, 1, LocalDateTime.of(2026, 4, 24, 12, 0)),
                // Half a day then 3.5 days: the weekend, the compensatory Monday, 30 April and 1 May skipped.
                new StepPlan.StepDue(Step.SPECIALIST, 7, LocalDateTime.of(2026, 5, 4, 17, 0)),
                new StepPlan.StepDue(Step.LEADER, 2, LocalDateTime.of(2026, 5, 5, 17, 0))), steps);
        // An apology moves the last step's deadline with the dossier's.
        assertEquals(LocalDateTime.of(2026, 5, 8, 17, 0),
                StepPlan.byDefault(5).schedule(CALENDAR, receipt, LocalDate.of(2026, 5, 8)).get(2).due());
        assertEquals(List.of(), StepPlan.byDefault(0).schedule(CALENDAR, receipt, receipt));
    }
}
