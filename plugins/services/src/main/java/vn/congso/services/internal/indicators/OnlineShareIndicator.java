package vn.congso.services.internal.indicators;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;

/** Dossiers submitted online, of those submitted in the period: numerator / denominator, per unit. */
@Component(service = Indicator.class)
public final class OnlineShareIndicator extends PublicRateIndicator {

    private final Statistics statistics;

    /**
     * @param statistics the figures
     */
    @Activate
    public OnlineShareIndicator(@Reference Statistics statistics) {
        super("online-share", 31);
        this.statistics = statistics;
    }

    @Override
    public IndicatorValue compute(Period period, String unitId) {
        List<Statistics.Row> rows = statistics.byUnit(period.startInstant(), period.endInstant());
        Statistics.Row row = Statistics.row(rows, unitId);
        if (row.submitted() == 0) {
            return IndicatorValue.none();
        }
        IndicatorValue value = IndicatorValue.rate(row.online(), row.submitted());
        if (!ALL_UNITS.equals(unitId)) {
            return value;
        }
        return value.withBreakdown(rows.stream().filter(r -> !r.unit().isEmpty() && r.submitted() > 0)
                .map(r -> IndicatorValue.Entry.namedRate(r.unit(), statistics.unitName(r.unit()),
                        new IndicatorValue.Fraction(r.online(), r.submitted())))
                .toList());
    }
}
