package vn.congso.publishing.internal.article;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Portal visits and article views counted in memory, between two writes to the database: a
 * reader's page costs an increment, not a row lock on the day's counter that every other reader
 * waits for. {@link #drain} hands what was counted over to the writer; what a failed write could
 * not store is {@link #restore}d and written with the next.
 */
final class AudienceCounts {

    /** One article on one day. */
    record ViewDay(long article, LocalDate day) {
    }

    /** What was counted since the last drain. */
    record Pending(Map<LocalDate, Long> visits, Map<ViewDay, Long> views) {
        boolean isEmpty() {
            return visits.isEmpty() && views.isEmpty();
        }
    }

    private final ConcurrentHashMap<LocalDate, LongAdder> visits = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ViewDay, LongAdder> views = new ConcurrentHashMap<>();

    void visit(LocalDate day) {
        visits.computeIfAbsent(day, d -> new LongAdder()).increment();
    }

    void view(long article, LocalDate day) {
        views.computeIfAbsent(new ViewDay(article, day), d -> new LongAdder()).increment();
    }

    /**
     * @param today the current day: counters of days before yesterday are dropped once read,
     *        since nobody counts on them any more
     * @return what was counted, taken out of the counts
     */
    Pending drain(LocalDate today) {
        LocalDate keepFrom = today.minusDays(1);
        return new Pending(drain(visits, day -> day.isBefore(keepFrom)),
                drain(views, key -> key.day().isBefore(keepFrom)));
    }

    /** Puts back counts that could not be written. */
    void restore(Pending pending) {
        pending.visits().forEach((day, n) -> visits.computeIfAbsent(day, d -> new LongAdder()).add(n));
        pending.views().forEach((key, n) -> views.computeIfAbsent(key, d -> new LongAdder()).add(n));
    }

    private static <K> Map<K, Long> drain(ConcurrentHashMap<K, LongAdder> counts, java.util.function.Predicate<K> old) {
        Map<K, Long> out = new java.util.HashMap<>();
        for (Map.Entry<K, LongAdder> e : counts.entrySet()) {
            // An adder stays in the map and is read by sumThenReset, which takes each cell's
            // value atomically: an increment racing with the drain lands in this one or the next.
            if (old.test(e.getKey())) {
                counts.remove(e.getKey(), e.getValue());
            }
            long n = e.getValue().sumThenReset();
            if (n > 0) {
                out.put(e.getKey(), n);
            }
        }
        return out;
    }
}
