package vn.congso.publishing.internal.article;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.data.Database;
import vn.congso.api.indicators.Indicator;

/** Openings of the portal's pages (home, categories, articles, search) in a period, counted on the server without cookies. */
@Component(service = Indicator.class)
public final class VisitsIndicator extends DailyCounterIndicator {

    /**
     * @param database the database
     * @param articles the articles, whose counts in memory are written before the sum
     */
    @Activate
    public VisitsIndicator(@Reference Database database, @Reference ArticleService articles) {
        super(database, articles, "visits", "visits", "visit");
    }
}
