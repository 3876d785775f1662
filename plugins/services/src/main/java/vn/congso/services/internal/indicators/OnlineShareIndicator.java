package vn.congso.services.internal.indicators;

import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.indicators.UnitOfMeasure;

/** Dossiers submitted online, of those submitted in the period: numerator / denominator, per unit. */
@Component(service = Indicator.class)
public final class OnlineShareIndicator implements Indicator {

    private final Statistics statistics;

    /**
     * @param statistics the figures
     */
    @Activate
    public OnlineShareIndicator(@Reference Statistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public String id() {
        return "services.online-share";
    }

    @Override
    public String titleKey() {
        return "services.indicator.online-share";
    }

    @Override
    public Optional<String> descriptionKey() {
        return Optional.of("services.indicator.online-share.description");
    }

    @Override
    public UnitOfMeasure unitOfMeasure() {
        return UnitOfMeasure.PERCENT;
    }

    @Override
    public boolean isPublic() {
        return true;
    }

    @Override
    public int order() {
        return 31;
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
