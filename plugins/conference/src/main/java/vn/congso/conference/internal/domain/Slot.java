package vn.congso.conference.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time, start inclusive, end exclusive.
 *
 * @param start the start
 * @param end the end, after the start
 */
public record Slot(Instant start, Instant end) {

    /** Checks that the end is after the start. */
    public Slot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " is not after start " + start);
        }
    }

    /**
     * Whether this slot and another overlap once both are widened by a buffer on each side of the
     * other: two meetings at one point need {@code buffer} between them for setting up.
     *
     * @param other the other slot
     * @param buffer the setup buffer, zero or more
     * @return whether they clash
     */
    public boolean clashes(Slot other, Duration buffer) {
        return start.isBefore(other.end.plus(buffer)) && other.start.isBefore(end.plus(buffer));
    }
}
