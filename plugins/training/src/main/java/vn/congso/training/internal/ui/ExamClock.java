package vn.congso.training.internal.ui;

import java.time.Duration;
import java.time.Instant;

/**
 * The exam timer's logic, apart from the screen so it is tested with any clock: time left until
 * the server's deadline and which warnings are due. The server is authoritative; the screen
 * only counts down to the deadline the service gave and asks again now and then.
 */
final class ExamClock {

    /** The warnings a learner gets, most urgent last. */
    enum Warning {
        /** Five minutes left. */
        FIVE_MINUTES(Duration.ofMinutes(5)),
        /** One minute left. */
        ONE_MINUTE(Duration.ofMinutes(1));

        private final Duration before;

        Warning(Duration before) {
            this.before = before;
        }

        /** @return how long before the deadline the warning is given */
        Duration before() {
            return before;
        }
    }

    private Instant deadline;
    private Warning given;

    /**
     * Starts counting.
     *
     * @param deadline the attempt's deadline from the server
     */
    ExamClock(Instant deadline) {
        this.deadline = deadline;
        // Nothing given yet: a learner who resumes with three minutes left is told once that
        // fewer than five are left; one who resumes with thirty seconds only gets the last warning.
    }

    /** @return the deadline the clock counts to */
    Instant deadline() {
        return deadline;
    }

    /**
     * Takes a new deadline from the server (extra time granted, or a re-sync); a later deadline
     * makes earlier warnings due again.
     *
     * @param newDeadline the deadline now
     * @param now the server's time
     */
    void resync(Instant newDeadline, Instant now) {
        this.deadline = newDeadline;
        Warning stillGiven = null;
        for (Warning warning : Warning.values()) {
            if (given != null && warning.ordinal() <= given.ordinal()
                    && remaining(now).compareTo(warning.before()) <= 0) {
                stillGiven = warning;
            }
        }
        given = stillGiven;
    }

    /**
     * @param now the server's time
     * @return time left, never negative
     */
    Duration remaining(Instant now) {
        Duration left = Duration.between(now, deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** @return whether the deadline has passed */
    boolean isOver(Instant now) {
        return !now.isBefore(deadline);
    }

    /**
     * The warning due at this tick, given once each.
     *
     * @param now the server's time
     * @return the warning to show now, or null
     */
    Warning warningDue(Instant now) {
        Duration left = remaining(now);
        Warning due = null;
        for (Warning warning : Warning.values()) {
            if (left.compareTo(warning.before()) <= 0 && (given == null || warning.ordinal() > given.ordinal())) {
                due = warning;
            }
        }
        if (due != null) {
            given = due;
        }
        return due;
    }

    /**
     * How long until something must happen on screen: the next warning not yet given, or the
     * deadline. The screen asks the server again then (and at least every re-sync period), so
     * warnings and time-over come on time without a request every second.
     *
     * @param now the server's time
     * @return time until the next warning or the deadline; zero once the deadline has passed
     */
    Duration untilNextEvent(Instant now) {
        Duration left = remaining(now);
        Duration next = left;
        for (Warning warning : Warning.values()) {
            Duration until = left.minus(warning.before());
            if ((given == null || warning.ordinal() > given.ordinal()) && !until.isNegative() && !until.isZero()
                    && until.compareTo(next) < 0) {
                next = until;
            }
        }
        return next;
    }
}
