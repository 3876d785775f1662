package vn.congso.publishing.internal.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.data.Database;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.indicators.UnitOfMeasure;

/** Openings of the portal's article pages in a period, counted on the server without cookies. */
@Component
public final class ViewsIndicator implements Indicator {

    private final Database database;
    private final ArticleService articles;

    /**
     * @param database the database
     * @param articles the articles, whose counts in memory are written before the sum
     */
    @Activate
    public ViewsIndicator(@Reference Database database, @Reference ArticleService articles) {
        this.database = database;
        this.articles = articles;
    }

    @Override
    public String id() {
        return "publishing.views";
    }

    @Override
    public String titleKey() {
        return "publishing.indicator.views";
    }

    @Override
    public Optional<String> descriptionKey() {
        return Optional.of("publishing.indicator.views.description");
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
        articles.flushAudience();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement sum = c.prepareStatement(
                        "SELECT COALESCE(SUM(views), 0) FROM publishing_view_day WHERE day >= ? AND day < ?")) {
            sum.setDate(1, java.sql.Date.valueOf(period.from()));
            sum.setDate(2, java.sql.Date.valueOf(period.to()));
            try (ResultSet rs = sum.executeQuery()) {
                rs.next();
                return IndicatorValue.of(rs.getLong(1));
            }
        }
    }
}
