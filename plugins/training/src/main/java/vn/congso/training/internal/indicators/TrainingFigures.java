package vn.congso.training.internal.indicators;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.IndicatorValue.Entry;
import vn.congso.api.indicators.IndicatorValue.Fraction;
import vn.congso.api.indicators.Period;
import vn.congso.api.security.UserDirectory;
import vn.congso.api.units.OrgUnit;
import vn.congso.api.units.UnitDirectory;
import vn.congso.training.internal.service.ExamResults;
import vn.congso.training.internal.store.Jdbc;

/**
 * The figures behind training's indicators, read straight from the plugin's tables. Each fact
 * (an enrolment, an attempt, a certificate) counts for the unit it was recorded for, and, as
 * the dashboard shows units as they are now, for that unit's successors after a
 * reorganisation (every part after a split); facts without a known unit are counted under
 * "unit unknown". Asked for one unit, a fact counts when it was recorded for that unit or for a
 * unit that became it. Called by the platform as a system actor (the directory needs a
 * signed-in or system caller).
 */
public final class TrainingFigures {

    /** How far ahead a certificate counts as expiring soon. */
    static final Duration EXPIRING_WITHIN = Duration.ofDays(30);
    /** Translation key of the part for people the directory does not know. */
    static final String UNKNOWN_UNIT_KEY = "training.indicator.unit-unknown";

    private final Jdbc jdbc;
    private final UserDirectory directory;
    private final UnitDirectory units;
    private final Clock clock;

    /**
     * Creates the figures.
     *
     * @param jdbc the plugin's database access
     * @param directory people and their units
     * @param clock the time, for "valid now"
     */
    public TrainingFigures(Jdbc jdbc, UserDirectory directory, Clock clock) {
        this(jdbc, directory, null, clock);
    }

    /**
     * Creates the figures.
     *
     * @param jdbc the plugin's database access
     * @param directory people and the units of today
     * @param units units over time, to follow a recorded unit to its successors; null when no
     *        reorganisation is to be followed (each unit is then its own successor)
     * @param clock the time, for "valid now" and "today"
     */
    public TrainingFigures(Jdbc jdbc, UserDirectory directory, UnitDirectory units, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.units = units;
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
        Map<String, String> people = jdbc.transaction(c -> {
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
            Map<String, String> completed = new LinkedHashMap<>();
            Map<Long, Long> exams = new HashMap<>();
            for (Object[] enrolment : Jdbc.list(c, "SELECT course_id, username, unit_id FROM trn_enrolment",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})) {
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
                    completed.putIfAbsent(username, enrolment[2] == null ? "" : (String) enrolment[2]);
                }
            }
            return completed;
        });
        return counts(new ArrayList<>(people.values()), unitId);
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
        List<Object[]> rows = jdbc.transaction(c -> Jdbc.list(c, "SELECT exam_id, username, passed, unit_id"
                + " FROM trn_attempt WHERE percentage IS NOT NULL AND submitted_at >= ? AND submitted_at < ?"
                + " ORDER BY submitted_at",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)},
                period.startInstant(), period.endInstant()));
        Map<String, Boolean> sat = new LinkedHashMap<>();
        Map<String, String> unitOf = new HashMap<>();
        for (Object[] row : rows) {
            String key = row[0] + "/" + row[1];
            sat.merge(key, (Boolean) row[2], Boolean::logicalOr);
            unitOf.putIfAbsent(key, row[3] == null ? "" : (String) row[3]);
        }
        UnitsNow now = new UnitsNow();
        Map<String, long[]> byUnit = new LinkedHashMap<>();
        long passed = 0;
        long total = 0;
        for (Map.Entry<String, Boolean> e : sat.entrySet()) {
            String recorded = unitOf.get(e.getKey());
            if (!now.counts(recorded, unitId)) {
                continue;
            }
            for (String unit : now.of(recorded)) {
                long[] counts = byUnit.computeIfAbsent(unit, u -> new long[2]);
                counts[1]++;
                if (e.getValue()) {
                    counts[0]++;
                }
            }
            total++;
            if (e.getValue()) {
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
        List<String> holders = jdbc.transaction(c -> Jdbc.list(c, "SELECT unit_id, valid_until FROM trn_certificate"
                + " WHERE issued_at <= ? AND (revoked_at IS NULL OR revoked_at > ?)"
                + " AND (valid_until IS NULL OR valid_until > ?)",
                rs -> {
                    Instant until = Jdbc.instant(rs, "valid_until");
                    String unit = rs.getString(1);
                    return !expiringOnly || (until != null && !until.isAfter(soon)) ? (unit == null ? "" : unit) : null;
                }, asOf, asOf, asOf)).stream().filter(java.util.Objects::nonNull).toList();
        return counts(holders, unitId);
    }

    /**
     * A count of facts by the unit each was recorded for: for one unit (and the units that became
     * it), or for all with a part per unit of today.
     */
    private IndicatorValue counts(List<String> recordedUnits, String unitId) {
        UnitsNow now = new UnitsNow();
        Map<String, Integer> byUnit = new HashMap<>();
        int total = 0;
        for (String recorded : recordedUnits) {
            if (!now.counts(recorded, unitId)) {
                continue;
            }
            total++;
            for (String unit : now.of(recorded)) {
                byUnit.merge(unit, 1, Integer::sum);
            }
        }
        if (!unitId.equals(Indicator.ALL_UNITS)) {
            return IndicatorValue.of(total);
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
        return IndicatorValue.of(total).withBreakdown(parts);
    }

    /** Recorded units followed to the units of today, each looked up once per computation. */
    private final class UnitsNow {
        private final Map<String, List<String>> resolved = new HashMap<>();
        private final LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);

        /** The units of today a recorded unit counts for; {@code [""]} (unknown) when none. */
        List<String> of(String recorded) {
            if (recorded == null || recorded.isEmpty()) {
                return List.of("");
            }
            return resolved.computeIfAbsent(recorded, code -> {
                if (units == null) {
                    return List.of(code);
                }
                List<String> now = units.successors(code, today).stream().map(OrgUnit::code).toList();
                return now.isEmpty() ? List.of("") : now;
            });
        }

        /** Whether a fact recorded for a unit counts when the reader asks for {@code unitId}. */
        boolean counts(String recorded, String unitId) {
            return unitId.equals(Indicator.ALL_UNITS) || unitId.equals(recorded) || of(recorded).contains(unitId);
        }
    }

    /** The district's time zone: "today" is a day in Vietnam. */
    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
}
