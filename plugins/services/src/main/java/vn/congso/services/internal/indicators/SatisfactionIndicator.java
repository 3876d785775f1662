package vn.congso.services.internal.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.services.internal.rating.ServiceRatings;

/**
 * Citizens' satisfaction with the service (Decision 766/QĐ-TTg): ratings of 4 or 5 of the ratings
 * given in the period, numerator / denominator, with how many of each score as the breakdown.
 */
@Component(service = Indicator.class)
public final class SatisfactionIndicator extends PublicRateIndicator {

    private final ServiceRatings ratings;

    /**
     * @param ratings the ratings
     */
    @Activate
    public SatisfactionIndicator(@Reference ServiceRatings ratings) {
        super("satisfaction", 32);
        this.ratings = ratings;
    }

    @Override
    public IndicatorValue compute(Period period, String unitId) {
        ServiceRatings.Summary summary = ratings.summary(period.startInstant(), period.endInstant(), unitId);
        if (summary.count() == 0) {
            return IndicatorValue.none();
        }
        List<IndicatorValue.Entry> byScore = new ArrayList<>();
        for (int score = 1; score <= 5; score++) {
            // Each score's share of the ratings, in percent like the indicator, with its counts.
            IndicatorValue.Fraction share = new IndicatorValue.Fraction(summary.byScore()[score - 1], summary.count());
            byScore.add(new IndicatorValue.Entry("score-" + score, "services.rating.score." + score, true,
                    share.percent().orElse(0), Optional.of(share)));
        }
        return IndicatorValue.rate(summary.satisfied(), summary.count()).withBreakdown(byScore);
    }
}
