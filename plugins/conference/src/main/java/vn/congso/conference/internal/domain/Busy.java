package vn.congso.conference.internal.domain;

import java.util.Objects;

/**
 * Something that already occupies a point: an occurrence of a meeting or a blackout.
 *
 * @param pointId the point
 * @param slot when
 * @param kind a meeting or a blackout
 * @param label the meeting's title or the blackout's reason
 */
public record Busy(long pointId, Slot slot, Conflict.Kind kind, String label) {

    /** Checks the fields. */
    public Busy {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }
}
