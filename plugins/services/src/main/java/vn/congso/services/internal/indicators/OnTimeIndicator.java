package vn.congso.services.internal.indicators;

import java.util.List;
import java.util.OptionalDouble;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;

/** Dossiers settled on time, of those settled in the period: numerator / denominator, per unit. */
@Component(service = Indicator.class)
public final class OnTimeIndicator extends PublicRateIndicator {

    private final Statistics statistics;

    /**
     * @param statistics the figures
     */
    @Activate
    public OnTimeIndicator(@Reference Statistics statistics) {
        super("on-time", 30);
        this.statistics = statistics;
    }

    @Override
    public OptionalDouble target() {
        return OptionalDouble.of(95);
    }

    @Override
    public IndicatorValue compute(Period period, String unitId) {
        List<Statistics.Row> rows = statistics.byUnit(period.startInstant(), period.endInstant());
        Statistics.Row row = Statistics.row(rows, unitId);
        if (row.settled() == 0) {
            return IndicatorValue.none();
        }
        IndicatorValue value = IndicatorValue.rate(row.onTime(), row.settled());
        if (!ALL_UNITS.equals(unitId)) {
            return value;
        }
        return value.withBreakdown(rows.stream().filter(r -> !r.unit().isEmpty() && r.settled() > 0)
                .map(r -> IndicatorValue.Entry.namedRate(r.unit(), statistics.unitName(r.unit()),
                        new IndicatorValue.Fraction(r.onTime(), r.settled())))
                .toList());
    }
}
