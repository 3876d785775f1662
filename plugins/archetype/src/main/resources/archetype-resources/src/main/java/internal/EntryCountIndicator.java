package ${package}.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
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
 * The number of entries recorded in a period, on the platform's dashboard. Entries belong to no
 * organisational unit, so only the whole-district figure exists.
 */
@Component
public final class EntryCountIndicator implements Indicator {

    private final Database database;

    /**
     * @param database the database
     */
    @Activate
    public EntryCountIndicator(@Reference Database database) {
        this.database = database;
    }

    @Override
    public String id() {
        return "${pluginName}.entries";
    }

    @Override
    public String titleKey() {
        return "${pluginName}.indicator.entries";
    }

    @Override
    public Optional<String> descriptionKey() {
        return Optional.of("${pluginName}.indicator.entries.description");
    }

    @Override
    public UnitOfMeasure unitOfMeasure() {
        return UnitOfMeasure.COUNT;
    }

    @Override
    public IndicatorValue compute(Period period, String unitId) throws Exception {
        if (!ALL_UNITS.equals(unitId)) {
            return IndicatorValue.none();
        }
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement count = c.prepareStatement(
                        "SELECT COUNT(*) FROM ${pluginName}_entry WHERE created_at >= ? AND created_at < ?")) {
            count.setTimestamp(1, Timestamp.from(period.startInstant()));
            count.setTimestamp(2, Timestamp.from(period.endInstant()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return IndicatorValue.of(rs.getLong(1));
            }
        }
    }
}
