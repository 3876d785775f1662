package vn.congso.conference.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 * The participation rate of the connection points in the period the page picks (month, quarter or
 * year), from the attendance records: the point participations marked present (late ones
 * included) over the point participations expected, with a breakdown per point, each with its
 * numerator and denominator. Expected are the points of every occurrence held in the period
 * (started, not cancelled) whose attendance was recorded; a point of such an occurrence without a
 * line of its own counts as absent; occurrences nobody recorded are left out rather than counted
 * as absences. Filtered by unit, the point of that organisational unit. Public: it is about
 * commune offices, not people.
 */
@Component(service = Indicator.class)
public final class ParticipationIndicator implements Indicator {

    private final Database database;
    private final Clock clock;

    /**
     * @param database the database
     */
    @Activate
    public ParticipationIndicator(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    ParticipationIndicator(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "conference.participation-rate";
    }

    @Override
    public String titleKey() {
        return "conference.indicator.participation.title";
    }

    @Override
    public Optional<String> descriptionKey() {
        return Optional.of("conference.indicator.participation.description");
    }

    @Override
    public UnitOfMeasure unitOfMeasure() {
        return UnitOfMeasure.PERCENT;
    }

    @Override
    public int order() {
        return 62;
    }

    @Override
    public boolean isPublic() {
        return true;
    }

    @Override
    public IndicatorValue compute(Period period, String unitId) throws SQLException {
        String sql = "SELECT p.unit_code, p.name, COUNT(*), "
                + "SUM(CASE WHEN a.present = TRUE THEN 1 ELSE 0 END) "
                + "FROM conf_busy b JOIN conf_occurrence o ON o.id = b.occurrence_id "
                + "JOIN conf_point p ON p.id = b.point_id "
                + "LEFT JOIN conf_attendance a ON a.occurrence_id = b.occurrence_id AND a.point_id = b.point_id "
                + "WHERE o.status = 'SCHEDULED' AND o.starts_at >= ? AND o.starts_at < ? AND o.starts_at <= ? "
                + "AND EXISTS (SELECT 1 FROM conf_attendance r WHERE r.occurrence_id = o.id)"
                + (unitId.isEmpty() ? "" : " AND p.unit_code = ?")
                + " GROUP BY p.id, p.unit_code, p.name, p.sort_order ORDER BY p.sort_order, p.id";
        long present = 0;
        long expected = 0;
        List<IndicatorValue.Entry> points = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(period.startInstant()));
            ps.setTimestamp(2, Timestamp.from(period.endInstant()));
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            if (!unitId.isEmpty()) {
                ps.setString(4, unitId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IndicatorValue.Fraction fraction = new IndicatorValue.Fraction(rs.getLong(4), rs.getLong(3));
                    points.add(IndicatorValue.Entry.namedRate(rs.getString(1), rs.getString(2), fraction));
                    present += fraction.numerator();
                    expected += fraction.denominator();
                }
            }
        }
        return IndicatorValue.rate(present, expected).withBreakdown(points);
    }
}
