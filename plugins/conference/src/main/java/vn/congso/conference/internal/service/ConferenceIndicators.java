package vn.congso.conference.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.data.Database;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.indicators.UnitOfMeasure;

/**
 * What the conference plugin shows on the dashboard: meetings held in a period, and the share of
 * points that confirmed their readiness in time (complete checklist before the alert time),
 * numerator and denominator. Filtered by unit: the points of that organisational unit.
 */
public final class ConferenceIndicators {

    private ConferenceIndicators() {
    }

    /** Counts and fractions over occurrences that have started (held), not cancelled. */
    static final class Figures {
        private final Database database;
        private final Clock clock;

        Figures(Database database, Clock clock) {
            this.database = database;
            this.clock = clock;
        }

        long held(Period period, String unitId) throws SQLException {
            String sql = "SELECT COUNT(DISTINCT o.id) FROM conf_occurrence o JOIN conf_meeting_point mp "
                    + "ON mp.meeting_id = o.meeting_id JOIN conf_point p ON p.id = mp.point_id "
                    + "WHERE o.status = 'SCHEDULED' AND o.starts_at >= ? AND o.starts_at < ? AND o.starts_at <= ?"
                    + (unitId.isEmpty() ? "" : " AND p.unit_code = ?");
            return count(sql, period, unitId);
        }

        long pointsExpected(Period period, String unitId) throws SQLException {
            return count("SELECT COUNT(*) FROM conf_busy b JOIN conf_occurrence o ON o.id = b.occurrence_id "
                    + "JOIN conf_point p ON p.id = b.point_id WHERE o.status = 'SCHEDULED' AND o.starts_at >= ? "
                    + "AND o.starts_at < ? AND o.starts_at <= ?" + (unitId.isEmpty() ? "" : " AND p.unit_code = ?"),
                    period, unitId);
        }

        long pointsReadyInTime(Period period, String unitId, Duration alert) throws SQLException {
            // Compared in Java: "confirmed_at <= starts_at - alert" has no portable SQL form.
            String sql = "SELECT r.confirmed_at, o.starts_at FROM conf_readiness r JOIN conf_busy b "
                    + "ON b.occurrence_id = r.occurrence_id AND b.point_id = r.point_id "
                    + "JOIN conf_occurrence o ON o.id = r.occurrence_id JOIN conf_point p ON p.id = r.point_id "
                    + "WHERE o.status = 'SCHEDULED' AND r.connection_ok = ? AND r.camera_ok = ? AND r.microphone_ok = ? "
                    + "AND r.screen_ok = ? AND r.room_ok = ? AND o.starts_at >= ? AND o.starts_at < ? AND o.starts_at <= ?"
                    + (unitId.isEmpty() ? "" : " AND p.unit_code = ?");
            try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 1; i <= 5; i++) {
                    ps.setBoolean(i, true);
                }
                bind(ps, 6, period, unitId);
                long ready = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant confirmed = rs.getTimestamp(1).toInstant();
                        Instant start = rs.getTimestamp(2).toInstant();
                        if (!confirmed.isAfter(start.minus(alert))) {
                            ready++;
                        }
                    }
                }
                return ready;
            }
        }

        private long count(String sql, Period period, String unitId) throws SQLException {
            try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, 1, period, unitId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        private void bind(PreparedStatement ps, int first, Period period, String unitId) throws SQLException {
            ps.setTimestamp(first, Timestamp.from(period.from().atStartOfDay(Period.ZONE).toInstant()));
            ps.setTimestamp(first + 1, Timestamp.from(period.to().atStartOfDay(Period.ZONE).toInstant()));
            ps.setTimestamp(first + 2, Timestamp.from(clock.instant()));
            if (!unitId.isEmpty()) {
                ps.setString(first + 3, unitId);
            }
        }
    }

    /** Meetings held (occurrences that started and were not cancelled). */
    @Component(service = Indicator.class)
    public static final class MeetingsHeld implements Indicator {
        private final Figures figures;

        /**
         * @param database the database
         */
        @Activate
        public MeetingsHeld(@Reference Database database) {
            this(new Figures(database, Clock.systemUTC()));
        }

        MeetingsHeld(Figures figures) {
            this.figures = figures;
        }

        @Override
        public String id() {
            return "conference.meetings-held";
        }

        @Override
        public String titleKey() {
            return "conference.indicator.meetings-held.title";
        }

        @Override
        public Optional<String> descriptionKey() {
            return Optional.of("conference.indicator.meetings-held.description");
        }

        @Override
        public UnitOfMeasure unitOfMeasure() {
            return UnitOfMeasure.COUNT;
        }

        @Override
        public int order() {
            return 60;
        }

        @Override
        public IndicatorValue compute(Period period, String unitId) throws Exception {
            return IndicatorValue.of(figures.held(period, unitId));
        }
    }

    /** Points ready in time over points expected, for the meetings held. */
    @Component(service = Indicator.class)
    public static final class ReadinessOnTime implements Indicator {
        private final Figures figures;
        private final ConferenceService service;

        /**
         * @param database the database
         * @param service for the configured alert time
         */
        @Activate
        public ReadinessOnTime(@Reference Database database, @Reference ConferenceService service) {
            this(new Figures(database, Clock.systemUTC()), service);
        }

        ReadinessOnTime(Figures figures, ConferenceService service) {
            this.figures = figures;
            this.service = service;
        }

        @Override
        public String id() {
            return "conference.readiness-on-time";
        }

        @Override
        public String titleKey() {
            return "conference.indicator.readiness-on-time.title";
        }

        @Override
        public Optional<String> descriptionKey() {
            return Optional.of("conference.indicator.readiness-on-time.description");
        }

        @Override
        public UnitOfMeasure unitOfMeasure() {
            return UnitOfMeasure.PERCENT;
        }

        @Override
        public int order() {
            return 61;
        }

        @Override
        public IndicatorValue compute(Period period, String unitId) throws Exception {
            return IndicatorValue.rate(figures.pointsReadyInTime(period, unitId, service.settings().notReadyAlert()),
                    figures.pointsExpected(period, unitId));
        }
    }
}
