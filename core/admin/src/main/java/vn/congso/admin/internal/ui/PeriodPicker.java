package vn.congso.admin.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import vn.congso.admin.internal.indicators.DashboardService;
import vn.congso.api.indicators.Period;

/** Chooses a period: its kind (month, quarter, year), then one of the recent ones, the current first. */
final class PeriodPicker extends Composite<HorizontalLayout> {

    private static final int MONTHS = 24;
    private static final int QUARTERS = 12;
    private static final int YEARS = 6;

    private final Select<Period.Kind> kind = new Select<>();
    private final Select<Period> period = new Select<>();
    private final DashboardService dashboards;

    PeriodPicker(String prefix, DashboardService dashboards, java.util.Locale locale,
            BiFunction<String, Object[], String> t, Consumer<Period> changed) {
        this.dashboards = dashboards;
        kind.setId(prefix + "-period-kind");
        kind.setLabel(t.apply("dashboard.period.kind", new Object[0]));
        kind.setItems(Period.Kind.values());
        kind.setItemLabelGenerator(k -> t.apply("dashboard.period.kind." + k.name(), new Object[0]));
        period.setId(prefix + "-period");
        period.setLabel(t.apply("dashboard.period", new Object[0]));
        period.setItemLabelGenerator(p -> dashboards.periodLabel(p, locale));
        kind.setValue(Period.Kind.YEAR);
        period.setItems(periods(Period.Kind.YEAR));
        period.setValue(periods(Period.Kind.YEAR).get(0));
        kind.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                List<Period> choices = periods(e.getValue());
                period.setItems(choices);
                period.setValue(choices.get(0));
            }
        });
        period.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                changed.accept(e.getValue());
            }
        });
        getContent().add(kind, period);
        getContent().setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        getContent().setWrap(true);
    }

    private List<Period> periods(Period.Kind k) {
        return dashboards.recentPeriods(k, switch (k) {
            case MONTH -> MONTHS;
            case QUARTER -> QUARTERS;
            case YEAR -> YEARS;
        });
    }

    Period value() {
        return period.getValue();
    }

    HorizontalLayout layout() {
        return getContent();
    }
}
