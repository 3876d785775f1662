package vn.congso.admin.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import vn.congso.admin.internal.indicators.Dashboard;
import vn.congso.admin.internal.indicators.DashboardService;
import vn.congso.api.TranslationService;

/**
 * The public summary, open without signing in: the indicators their plugins mark public, for
 * the whole district, by period. Nothing else is computed for an anonymous visitor.
 */
public final class PublicIndicatorsView extends VerticalLayout {

    private final DashboardService dashboards;
    private final TranslationService translations;
    private final Locale locale;
    private final Div content = new Div();
    private final PeriodPicker period;

    /**
     * Creates the page.
     *
     * @param dashboards the indicators
     * @param translations texts
     */
    public PublicIndicatorsView(DashboardService dashboards, TranslationService translations) {
        this.dashboards = dashboards;
        this.translations = translations;
        this.locale = UI.getCurrent() != null ? UI.getCurrent().getLocale() : TranslationService.VIETNAMESE;
        setId("indicators-view");
        setWidthFull();
        H1 title = new H1(t("dashboard.public.title"));
        title.setId("indicators-title");
        add(title, new Paragraph(t("dashboard.public.help")));
        period = new PeriodPicker("indicators", dashboards, locale, (k, a) -> t(k, a), p -> refresh());
        content.setWidthFull();
        content.setId("indicators-content");
        add(period, content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        if (period.value() == null) {
            return;
        }
        Dashboard summary = dashboards.publicSummary(period.value(), locale);
        content.getElement().setAttribute("data-build-millis", String.valueOf(summary.millis()));
        content.add(IndicatorCards.grid("indicators", summary, t("dashboard.public.empty"), (k, a) -> t(k, a)));
    }

    private String t(String key, Object... args) {
        return translations.translate(key, locale, args);
    }
}
