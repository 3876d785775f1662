package vn.congso.conference.internal.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One occurrence of a meeting as calendars show and export it.
 *
 * @param occurrenceId the occurrence's id
 * @param meetingId the meeting's id
 * @param meetingUid the meeting's iCalendar UID
 * @param title the title
 * @param description the agenda (Markdown source)
 * @param location the host point's name and room
 * @param roomLink the video room's address
 * @param originalStart the start the series gave it (its identity within the series)
 * @param slot when it takes place now
 * @param cancelled whether it is cancelled (the meeting or this occurrence)
 * @param sequence the revision number: raised by every change calendar clients must see
 */
public record CalendarEntry(long occurrenceId, long meetingId, String meetingUid, String title, String description,
        String location, String roomLink, Instant originalStart, Slot slot, boolean cancelled, int sequence) {

    /** Checks the fields. */
    public CalendarEntry {
        Objects.requireNonNull(meetingUid, "meetingUid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(roomLink, "roomLink");
        Objects.requireNonNull(originalStart, "originalStart");
        Objects.requireNonNull(slot, "slot");
    }

    /**
     * The iCalendar UID of this occurrence: every occurrence is its own event, so a client that
     * subscribes sees each cancellation or move by UID and SEQUENCE without recomputing a rule.
     *
     * @return the meeting's UID with the occurrence's original start
     */
    public String uid() {
        return meetingUid + "-" + originalStart.getEpochSecond();
    }
}
