package vn.congso.training.internal.indicators;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.IndicatorValue.Entry;
import vn.congso.api.indicators.IndicatorValue.Fraction;
import vn.congso.api.indicators.Period;
import vn.congso.api.security.UserDirectory;
import vn.congso.training.internal.service.ExamResults;
import vn.congso.training.internal.store.Jdbc;

/**
 * The figures behind training's indicators, read straight from the plugin's tables. A person
 * belongs to the unit the directory gives them now; people the directory no longer knows are
 * counted under "unit unknown". Called by the platform as a system actor (the directory needs a
 * signed-in or system caller).
 */
public final class TrainingFigures {

    /** How far ahead a certificate counts as expiring soon. */
    static final Duration EXPIRING_WITHIN = Duration.ofDays(30);
    /** Translation key of the part for people the directory does not know. */
    static final String UNKNOWN_UNIT_KEY = "training.indicator.unit-unknown";

    private final Jdbc jdbc;
    private final UserDirectory directory;
    private final Clock clock;

    /**
     * Creates the figures.
     *
     * @param jdbc the plugin's database access
     * @param directory people and their units
     * @param clock the time, for "valid now"
     */
    public TrainingFigures(Jdbc jdbc, UserDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * People who completed a course in the period: every lesson viewed and the course's exam
     * passed (when it has one), the later of the two falling in the period. A person completing
     * two courses counts once.
     */
    IndicatorValue trained(Period period, String unitId) {
        Instant from = period.startInstant();
        Instant to = period.endInstant();
        Set<String> people = jdbc.transaction(c -> {
            Map<Long, Integer> lessons = new HashMap<>();
            for (long[] row : Jdbc.list(c, "SELECT course_id, COUNT(*) FROM trn_lesson GROUP BY course_id",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
                lessons.put(row[0], (int) row[1]);
            }
            Map<String, Object[]> views = new HashMap<>();
            for (Object[] row : Jdbc.list(c, "SELECT l.course_id, v.username, COUNT(*) AS viewed,"
                    + " MAX(v.first_viewed_at) AS last_view FROM trn_lesson_view v JOIN trn_lesson l ON l.id = v.lesson_id"
                    + " GROUP BY l.course_id, v.username",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3), Jdbc.instant(rs, "last_view")})) {
                views.put(row[0] + "/" + row[1], row);
            }
            Set<String> completed = new HashSet<>();
            Map<Long, Long> exams = new HashMap<>();
            for (Object[] enrolment : Jdbc.list(c, "SELECT course_id, username FROM trn_enrolment",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
                long course = (Long) enrolment[0];
                String username = (String) enrolment[1];
                int lessonCount = lessons.getOrDefault(course, 0);
                Object[] viewed = views.get(course + "/" + username);
                if (lessonCount > 0 && (viewed == null || (Integer) viewed[2] < lessonCount)) {
                    continue;
                }
                Instant at = viewed == null ? null : (Instant) viewed[3];
                Long exam = exams.computeIfAbsent(course, id -> courseExam(c, id));
                if (exam != null && exam >= 0) {
                    if (!ExamResults.standing(c, exam, username).passed()) {
                        continue;
                    }
                    Instant passedAt = Jdbc.one(c, "SELECT MIN(submitted_at) AS passed_at FROM trn_attempt"
                            + " WHERE exam_id = ? AND username = ? AND passed = TRUE",
                            rs -> Jdbc.instant(rs, "passed_at"), exam, username);
                    if (passedAt != null && (at == null || passedAt.isAfter(at))) {
                        at = passedAt;
                    }
                }
                if (at != null && !at.isBefore(from) && at.isBefore(to)) {
                    completed.add(username);
                }
            }
            return completed;
        });
        Map<String, String> units = unitsOfPeople();
        return counts(new ArrayList<>(people), p -> units.getOrDefault(p, ""), unitId);
    }

    /** The course exam, or -1 when the course has none (so the map can remember "none"). */
    private static Long courseExam(Connection c, long course) {
        try {
            Long exam = ExamResults.courseExam(c, course);
            return exam == null ? -1L : exam;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Pass rate in percent: of the people who sat an exam in the period (a graded attempt
     * submitted in it), those with a passing attempt in it. Counted per person and exam.
     */
    IndicatorValue passRate(Period period, String unitId) {
        List<Object[]> rows = jdbc.transaction(c -> Jdbc.list(c, "SELECT exam_id, username, passed FROM trn_attempt"
                + " WHERE percentage IS NOT NULL AND submitted_at >= ? AND submitted_at < ?",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3)}, period.startInstant(),
                period.endInstant()));
        Map<String, Boolean> sat = new LinkedHashMap<>();
        Map<String, String> personOf = new HashMap<>();
        for (Object[] row : rows) {
            String key = row[0] + "/" + row[1];
            sat.merge(key, (Boolean) row[2], Boolean::logicalOr);
            personOf.put(key, (String) row[1]);
        }
        Map<String, String> units = unitsOfPeople();
        Map<String, long[]> byUnit = new LinkedHashMap<>();
        long passed = 0;
        long total = 0;
        for (Map.Entry<String, Boolean> e : sat.entrySet()) {
            String unit = units.getOrDefault(personOf.get(e.getKey()), "");
            if (!unitId.equals(Indicator.ALL_UNITS) && !unit.equals(unitId)) {
                continue;
            }
            long[] counts = byUnit.computeIfAbsent(unit, u -> new long[2]);
            counts[1]++;
            total++;
            if (e.getValue()) {
                counts[0]++;
                passed++;
            }
        }
        IndicatorValue value = IndicatorValue.rate(passed, total);
        if (!unitId.equals(Indicator.ALL_UNITS)) {
            return value;
        }
        List<Entry> parts = new ArrayList<>();
        for (UserDirectory.Unit unit : directory.units()) {
            long[] counts = byUnit.remove(unit.id());
            if (counts != null) {
                parts.add(Entry.namedRate(unit.id(), unit.name(), new Fraction(counts[0], counts[1])));
            }
        }
        long[] unknown = new long[2];
        byUnit.values().forEach(c -> {
            unknown[0] += c[0];
            unknown[1] += c[1];
        });
        if (unknown[1] > 0) {
            Fraction f = new Fraction(unknown[0], unknown[1]);
            parts.add(new Entry("", UNKNOWN_UNIT_KEY, true, f.percent().orElse(0), java.util.Optional.of(f)));
        }
        return value.withBreakdown(parts);
    }

    /** Certificates valid at the end of the period (or now, while it runs): issued, not revoked, not expired. */
    IndicatorValue validCertificates(Period period, String unitId) {
        return certificates(period, unitId, false);
    }

    /** Certificates valid at the end of the period (or now) that expire within 30 days after it. */
    IndicatorValue expiringCertificates(Period period, String unitId) {
        return certificates(period, unitId, true);
    }

    private IndicatorValue certificates(Period period, String unitId, boolean expiringOnly) {
        Instant asOf = period.asOf(clock.instant());
        Instant soon = asOf.plus(EXPIRING_WITHIN);
        List<String> holders = jdbc.transaction(c -> Jdbc.list(c, "SELECT username, valid_until FROM trn_certificate"
                + " WHERE issued_at <= ? AND (revoked_at IS NULL OR revoked_at > ?)"
                + " AND (valid_until IS NULL OR valid_until > ?)",
                rs -> {
                    Instant until = Jdbc.instant(rs, "valid_until");
                    return !expiringOnly || (until != null && !until.isAfter(soon)) ? rs.getString(1) : null;
                }, asOf, asOf, asOf)).stream().filter(java.util.Objects::nonNull).toList();
        Map<String, String> units = unitsOfPeople();
        return counts(holders, p -> units.getOrDefault(p, ""), unitId);
    }

    /** A count of items (people, certificates), for one unit or for all with a part per unit. */
    private IndicatorValue counts(List<String> owners, Function<String, String> unitOf, String unitId) {
        Map<String, Integer> byUnit = new HashMap<>();
        for (String owner : owners) {
            byUnit.merge(unitOf.apply(owner), 1, Integer::sum);
        }
        if (!unitId.equals(Indicator.ALL_UNITS)) {
            return IndicatorValue.of(byUnit.getOrDefault(unitId, 0));
        }
        List<Entry> parts = new ArrayList<>();
        for (UserDirectory.Unit unit : directory.units()) {
            parts.add(Entry.named(unit.id(), unit.name(), byUnit.getOrDefault(unit.id(), 0)));
            byUnit.remove(unit.id());
        }
        int unknown = byUnit.values().stream().mapToInt(Integer::intValue).sum();
        if (unknown > 0) {
            parts.add(Entry.translated("", UNKNOWN_UNIT_KEY, unknown));
        }
        return IndicatorValue.of(owners.size()).withBreakdown(parts);
    }

    private Map<String, String> unitsOfPeople() {
        Map<String, String> units = new HashMap<>();
        directory.people().forEach(p -> units.put(p.username(), p.unitId()));
        return units;
    }
}
