package vn.congso.publishing.internal.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import vn.congso.api.data.Database;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.indicators.UnitOfMeasure;

/**
 * A sum of one of the portal's per-day counters over a period, for the district as a whole (the
 * portal belongs to no commune); what was counted in memory is written first.
 */
abstract class DailyCounterIndicator implements Indicator {

    private final Database database;
    private final ArticleService articles;
    private final String name;
    private final String sum;

    /**
     * @param name the indicator's name: its id is {@code publishing.<name>}, its texts
     *        {@code publishing.indicator.<name>[.description]}
     * @param column the counter's column in {@code publishing_<table>_day}
     * @param table the counter's table, without prefix and suffix
     */
    DailyCounterIndicator(Database database, ArticleService articles, String name, String column, String table) {
        this.database = database;
        this.articles = articles;
        this.name = name;
        this.sum = "SELECT COALESCE(SUM(" + column + "), 0) FROM publishing_" + table + "_day WHERE day >= ? AND day < ?";
    }

    @Override
    public final String id() {
        return "publishing." + name;
    }

    @Override
    public final String titleKey() {
        return "publishing.indicator." + name;
    }

    @Override
    public final Optional<String> descriptionKey() {
        return Optional.of("publishing.indicator." + name + ".description");
    }

    @Override
    public final UnitOfMeasure unitOfMeasure() {
        return UnitOfMeasure.COUNT;
    }

    @Override
    public final IndicatorValue compute(Period period, String unitId) throws Exception {
        if (!ALL_UNITS.equals(unitId)) {
            return IndicatorValue.none();
        }
        articles.flushAudience();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sum)) {
            ps.setDate(1, java.sql.Date.valueOf(period.from()));
            ps.setDate(2, java.sql.Date.valueOf(period.to()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return IndicatorValue.of(rs.getLong(1));
            }
        }
    }
}
