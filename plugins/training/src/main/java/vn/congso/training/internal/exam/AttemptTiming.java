package vn.congso.training.internal.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When an attempt must end. The server's clock decides; the learner's browser only shows it.
 *
 * @param start when the attempt started
 * @param timeLimit the exam's time limit
 * @param extraTime extra time granted to this learner, zero for most
 * @param closesAt when the exam closes
 * @param grace how long after the deadline answers are still taken
 */
public record AttemptTiming(Instant start, Duration timeLimit, Duration extraTime, Instant closesAt,
        Duration grace) {

    /** Checks the parts. */
    public AttemptTiming {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(extraTime, "extraTime");
        Objects.requireNonNull(grace, "grace");
        if (extraTime.isNegative() || grace.isNegative()) {
            throw new IllegalArgumentException("negative extra time or grace");
        }
    }

    /** @return the earlier of the end of the time allowed and the exam's close */
    public Instant deadline() {
        Instant end = start.plus(timeLimit).plus(extraTime);
        return end.isBefore(closesAt) ? end : closesAt;
    }

    /**
     * Whether an answer arriving at a time is taken.
     *
     * @param instant when the server received it
     * @return true only before the deadline plus the grace period
     */
    public boolean acceptsAnswerAt(Instant instant) {
        return instant.isBefore(deadline().plus(grace));
    }

    /**
     * Whether the server must submit the attempt itself, because no more answers can come.
     *
     * @param now the server's time
     * @return true from the deadline plus the grace period on
     */
    public boolean isOverdue(Instant now) {
        return !acceptsAnswerAt(now);
    }

    /**
     * The time the learner's timer shows.
     *
     * @param now the server's time
     * @return time left until the deadline, never negative
     */
    public Duration remaining(Instant now) {
        Duration left = Duration.between(now, deadline());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
