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
        Map<Long, List<Busy>> byPoint = existing.stream().collect(Collectors.groupingBy(Busy::pointId));
        List<Conflict> found = new ArrayList<>();
        List<ConnectionPoint> ordered = points.stream().sorted(Comparator.comparingLong(ConnectionPoint::id)).toList();
        for (Slot occurrence : occurrences) {
            for (ConnectionPoint point : ordered) {
                if (point.status() == PointStatus.MAINTENANCE) {
                    found.add(new Conflict(point.id(), point.name(), occurrence.start(), Conflict.Kind.MAINTENANCE, "",
                            occurrence.start(), occurrence.end()));
                    continue;
                }
                for (Busy busy : byPoint.getOrDefault(point.id(), List.of())) {
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
}
