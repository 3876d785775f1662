package vn.congso.conference.internal.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Why one point cannot take part in one occurrence of a booking.
 *
 * @param pointId the point
 * @param pointName the point's name
 * @param occurrence the occurrence of the booking that clashes (its original start)
 * @param kind what it clashes with
 * @param with the other meeting's title or the blackout's reason; empty for maintenance
 * @param withStart the other meeting's or blackout's start (the occurrence's own for maintenance)
 * @param withEnd its end
 */
public record Conflict(long pointId, String pointName, Instant occurrence, Kind kind, String with, Instant withStart,
        Instant withEnd) {

    /** What a booking clashes with. */
    public enum Kind {
        /** Another meeting at the same point (setup buffer included). */
        MEETING,
        /** A blackout period of the point. */
        BLACKOUT,
        /** The point is under maintenance. */
        MAINTENANCE
    }

    /** Checks the fields. */
    public Conflict {
        Objects.requireNonNull(pointName, "pointName");
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(with, "with");
    }
}
