package vn.congso.publishing.internal.article;

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
 * Articles published on the portal in a period (those taken down since included), for the
 * district as a whole; the portal belongs to no commune.
 */
@Component
public final class PublishedIndicator implements Indicator {

    private final Database database;

    /**
     * @param database the database
     */
    @Activate
    public PublishedIndicator(@Reference Database database) {
        this.database = database;
    }

    @Override
    public String id() {
        return "publishing.published";
    }

    @Override
    public String titleKey() {
        return "publishing.indicator.published";
    }

    @Override
    public Optional<String> descriptionKey() {
        return Optional.of("publishing.indicator.published.description");
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
                PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM publishing_article"
                        + " WHERE state IN ('PUBLISHED', 'ARCHIVED') AND publish_at >= ? AND publish_at < ?")) {
            count.setTimestamp(1, Timestamp.from(period.startInstant()));
            count.setTimestamp(2, Timestamp.from(period.endInstant()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return IndicatorValue.of(rs.getLong(1));
            }
        }
    }
}
