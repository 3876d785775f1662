package vn.congso.conference.internal.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;
import vn.congso.conference.internal.domain.Recurrence;

/**
 * A booking as the scheduler made it: one meeting or a series.
 *
 * @param title the title
 * @param agenda the agenda in Markdown
 * @param chair who chairs it
 * @param hostPointId the point that hosts it
 * @param pointIds every participating point, the host included
 * @param start the first occurrence's start, local time in Asia/Ho_Chi_Minh
 * @param end its end, local time
 * @param recurrence how it repeats, or null for a single meeting
 * @param droppedOccurrences original starts of occurrences the scheduler dropped (kept as exceptions)
 * @param visibility who sees it
 */
public record BookingRequest(String title, String agenda, String chair, long hostPointId, Set<Long> pointIds,
        LocalDateTime start, LocalDateTime end, Recurrence recurrence, Set<Instant> droppedOccurrences,
        Visibility visibility) {

    /** Who sees a meeting on the calendars. */
    public enum Visibility {
        /** Everyone who sees calendars, and the point and person feeds. */
        INTERNAL,
        /** Also shown publicly (title and time only). */
        PUBLIC
    }

    /** Normalises the collections. */
    public BookingRequest {
        pointIds = pointIds == null ? Set.of() : Set.copyOf(pointIds);
        droppedOccurrences = droppedOccurrences == null ? Set.of() : Set.copyOf(droppedOccurrences);
        visibility = visibility == null ? Visibility.INTERNAL : visibility;
        title = Objects.requireNonNullElse(title, "");
        agenda = Objects.requireNonNullElse(agenda, "");
        chair = Objects.requireNonNullElse(chair, "");
    }

    /**
     * The same booking without some occurrences.
     *
     * @param dropped original starts to drop
     * @return a new request
     */
    public BookingRequest dropOccurrences(Set<Instant> dropped) {
        Set<Instant> all = new java.util.HashSet<>(droppedOccurrences);
        all.addAll(dropped);
        return new BookingRequest(title, agenda, chair, hostPointId, pointIds, start, end, recurrence, all, visibility);
    }

    /**
     * The same booking without some points.
     *
     * @param dropped the points to drop
     * @return a new request
     */
    public BookingRequest dropPoints(Set<Long> dropped) {
        Set<Long> kept = new java.util.HashSet<>(pointIds);
        kept.removeAll(dropped);
        return new BookingRequest(title, agenda, chair, hostPointId, kept, start, end, recurrence, droppedOccurrences,
                visibility);
    }
}
