package vn.congso.training.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExamClockTest {

    private static final Instant START = Instant.parse("2026-11-27T03:00:00Z");
    private static final Instant DEADLINE = START.plus(Duration.ofMinutes(30));

    @Test
    void warnsOnceAtFiveMinutesAndOnceAtOne() {
        ExamClock clock = new ExamClock(DEADLINE);
        assertNull(clock.warningDue(START));
        assertNull(clock.warningDue(DEADLINE.minusSeconds(301)));
        assertEquals(ExamClock.Warning.FIVE_MINUTES, clock.warningDue(DEADLINE.minusSeconds(300)));
        assertNull(clock.warningDue(DEADLINE.minusSeconds(299)));
        assertNull(clock.warningDue(DEADLINE.minusSeconds(61)));
        assertEquals(ExamClock.Warning.ONE_MINUTE, clock.warningDue(DEADLINE.minusSeconds(60)));
        assertNull(clock.warningDue(DEADLINE.minusSeconds(10)));
    }

    @Test
    void aLearnerResumingInTheLastMinuteGetsOnlyTheLastWarning() {
        ExamClock clock = new ExamClock(DEADLINE);
        assertEquals(ExamClock.Warning.ONE_MINUTE, clock.warningDue(DEADLINE.minusSeconds(30)));
        assertNull(clock.warningDue(DEADLINE.minusSeconds(29)));
    }

    @Test
    void extraTimeMakesTheWarningsDueAgain() {
        ExamClock clock = new ExamClock(DEADLINE);
        Instant now = DEADLINE.minusSeconds(50);
        assertEquals(ExamClock.Warning.ONE_MINUTE, clock.warningDue(now));
        clock.resync(DEADLINE.plus(Duration.ofMinutes(10)), now);
        assertEquals(Duration.ofSeconds(650), clock.remaining(now));
        assertNull(clock.warningDue(now));
        assertEquals(ExamClock.Warning.FIVE_MINUTES, clock.warningDue(DEADLINE.plus(Duration.ofMinutes(5))));
    }

    @Test
    void remainingTimeNeverGoesNegative() {
        ExamClock clock = new ExamClock(DEADLINE);
        assertEquals(Duration.ZERO, clock.remaining(DEADLINE.plusSeconds(5)));
        assertTrue(clock.isOver(DEADLINE));
        assertFalse(clock.isOver(DEADLINE.minusMillis(1)));
    }

    @Test
    void theNextRequestComesExactlyWhenAWarningOrTheDeadlineIsDue() {
        ExamClock clock = new ExamClock(DEADLINE);
        assertEquals(Duration.ofMinutes(25), clock.untilNextEvent(START), "the five-minute warning comes first");
        Instant fiveLeft = DEADLINE.minusSeconds(300);
        assertEquals(ExamClock.Warning.FIVE_MINUTES, clock.warningDue(fiveLeft));
        assertEquals(Duration.ofMinutes(4), clock.untilNextEvent(fiveLeft), "then the one-minute warning");
        Instant oneLeft = DEADLINE.minusSeconds(60);
        assertEquals(ExamClock.Warning.ONE_MINUTE, clock.warningDue(oneLeft));
        assertEquals(Duration.ofMinutes(1), clock.untilNextEvent(oneLeft), "then the deadline");
        assertEquals(Duration.ZERO, clock.untilNextEvent(DEADLINE.plusSeconds(5)));
    }

    @Test
    void atAWarningsMomentTheNextEventIsTheFollowingOne() {
        ExamClock clock = new ExamClock(DEADLINE);
        // The view shows a warning due now in the same request, so the next event is the one after.
        assertEquals(Duration.ofMinutes(4), clock.untilNextEvent(DEADLINE.minusSeconds(300)));
    }
}
