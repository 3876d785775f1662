package vn.congso.conference.internal.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a whole booking, every point against every occurrence, and lists every clash. Pure: the
 * service reads what is already booked (under the points' row locks) and asks this class.
 */
public final class ConflictCheck {

    private ConflictCheck() {
    }

    /**
     * Every conflict of a booking, ordered by occurrence then point.
     *
     * @param occurrences the booking's occurrences
     * @param points the points it involves
     * @param existing what already occupies those points (meetings and blackouts)
     * @param buffer the setup buffer required between two meetings at one point (not applied to blackouts)
     * @return the conflicts, empty when the booking can be saved whole
     */
    public static List<Conflict> conflicts(List<Slot> occurrences, Collection<ConnectionPoint> points,
            Collection<Busy> existing, Duration buffer) {
        // Per point, sorted by start, with the longest duration: an occurrence's candidates are found
        // by two binary searches instead of a scan of everything the point has in the span.
        Map<Long, List<Busy>> byPoint = existing.stream().collect(Collectors.groupingBy(Busy::pointId));
        Map<Long, Duration> longest = new java.util.HashMap<>();
        byPoint.forEach((point, list) -> {
            list.sort(Comparator.comparing((Busy b) -> b.slot().start()));
            longest.put(point, list.stream().map(b -> Duration.between(b.slot().start(), b.slot().end()))
                    .max(Duration::compareTo).orElse(Duration.ZERO));
        });
        List<Conflict> found = new ArrayList<>();
        List<ConnectionPoint> ordered = points.stream().sorted(Comparator.comparingLong(ConnectionPoint::id)).toList();
        for (Slot occurrence : occurrences) {
            for (ConnectionPoint point : ordered) {
                if (point.status() == PointStatus.MAINTENANCE) {
                    found.add(new Conflict(point.id(), point.name(), occurrence.start(), Conflict.Kind.MAINTENANCE, "",
                            occurrence.start(), occurrence.end()));
                    continue;
                }
                List<Busy> list = byPoint.getOrDefault(point.id(), List.of());
                if (list.isEmpty()) {
                    continue;
                }
                int from = firstStartingAfter(list, occurrence.start().minus(buffer).minus(longest.get(point.id())));
                int to = firstStartingAfter(list, occurrence.end().plus(buffer).minusNanos(1));
                for (Busy busy : list.subList(from, to)) {
                    Duration gap = busy.kind() == Conflict.Kind.MEETING ? buffer : Duration.ZERO;
                    if (occurrence.clashes(busy.slot(), gap)) {
                        found.add(new Conflict(point.id(), point.name(), occurrence.start(), busy.kind(), busy.label(),
                                busy.slot().start(), busy.slot().end()));
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** The index of the first entry starting strictly after {@code instant} (the list is sorted by start). */
    private static int firstStartingAfter(List<Busy> sorted, java.time.Instant instant) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted.get(mid).slot().start().isAfter(instant)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
