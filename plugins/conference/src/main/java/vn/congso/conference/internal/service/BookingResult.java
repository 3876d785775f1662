package vn.congso.conference.internal.service;

import java.util.List;
import vn.congso.conference.internal.domain.Conflict;

/**
 * What became of a booking: saved whole, or refused whole with every conflict.
 *
 * @param meetingId the saved meeting's id, or 0 when refused
 * @param occurrences how many occurrences were saved
 * @param conflicts every conflict (empty when saved)
 */
public record BookingResult(long meetingId, int occurrences, List<Conflict> conflicts) {

    /** Copies the list. */
    public BookingResult {
        conflicts = List.copyOf(conflicts);
    }

    /** @return whether the booking was saved */
    public boolean saved() {
        return meetingId > 0;
    }
}
