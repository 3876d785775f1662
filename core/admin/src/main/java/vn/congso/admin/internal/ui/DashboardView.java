package vn.congso.admin.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.admin.internal.indicators.Dashboard;
import vn.congso.admin.internal.indicators.DashboardService;
import vn.congso.api.TranslationService;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.security.AccessDeniedException;

/**
 * The indicators dashboard: every contributed indicator for a chosen period and unit, as cards
 * with their value, counts, target and a chart of their breakdown, and the same as CSV and PDF.
 * Everything comes from {@link DashboardService}, which checks the permission; this screen only
 * asks and shows.
 */
public final class DashboardView extends VerticalLayout {

    private final Logger log = LoggerFactory.getLogger(DashboardView.class);
    private final DashboardService dashboards;
    private final TranslationService translations;
    private final Locale locale;
    private final Div content = new Div();
    private final Select<String> unit = new Select<>();
    private final PeriodPicker period;

    /**
     * Creates the screen.
     *
     * @param dashboards the indicators, checked and formatted
     * @param translations texts
     */
    public DashboardView(DashboardService dashboards, TranslationService translations) {
        this.dashboards = dashboards;
        this.translations = translations;
        this.locale = UI.getCurrent() != null ? UI.getCurrent().getLocale() : TranslationService.VIETNAMESE;
        setId("dashboard-view");
        setWidthFull();
        H1 title = new H1(t("dashboard.view.title"));
        title.setId("dashboard-title");
        add(title, new Paragraph(t("dashboard.view.help")));

        period = new PeriodPicker("dashboard", dashboards, locale, (k, a) -> t(k, a), p -> refresh());
        Map<String, String> units;
        try {
            units = dashboards.units(locale);
        } catch (AccessDeniedException e) {
            Paragraph denied = new Paragraph(t("dashboard.denied"));
            denied.setId("dashboard-denied");
            add(denied);
            return;
        }
        unit.setId("dashboard-unit");
        unit.setLabel(t("dashboard.unit"));
        unit.setItems(new ArrayList<>(units.keySet()));
        unit.setItemLabelGenerator(units::get);
        unit.setValue(Indicator.ALL_UNITS);
        unit.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = period.layout();
        filters.add(unit);
        content.setWidthFull();
        content.setId("dashboard-content");
        add(period, content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        if (period.value() == null || unit.getValue() == null) {
            return;
        }
        Dashboard dashboard;
        try {
            dashboard = dashboards.dashboard(period.value(), unit.getValue(), locale);
        } catch (AccessDeniedException e) {
            Paragraph denied = new Paragraph(t("dashboard.denied"));
            denied.setId("dashboard-denied");
            content.add(denied);
            return;
        }
        HorizontalLayout exports = new HorizontalLayout(
                download("dashboard-export-csv", t("dashboard.export.csv"), "chi-tieu.csv", "text/csv;charset=UTF-8",
                        () -> dashboards.csv(dashboard, locale)),
                download("dashboard-export-pdf", t("dashboard.export.pdf"), "chi-tieu.pdf", "application/pdf", () -> {
                    try {
                        return dashboards.pdf(dashboard, locale);
                    } catch (IOException e) {
                        log.error("Dashboard PDF for {} {} failed", dashboard.period(), dashboard.unitId(), e);
                        throw new UncheckedIOException(e);
                    }
                }));
        exports.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        exports.setId("dashboard-exports");
        // How long computing and drawing took, for whoever measures the page (tests, operators).
        content.getElement().setAttribute("data-build-millis", String.valueOf(dashboard.millis()));
        content.add(exports, IndicatorCards.grid("dashboard", dashboard, t("dashboard.empty"), (k, a) -> t(k, a)));
    }

    private static Component download(String id, String text, String fileName, String mediaType,
            Supplier<byte[]> bytes) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            byte[] data = bytes.get();
            return new DownloadResponse(new ByteArrayInputStream(data), fileName, mediaType, data.length);
        });
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, text);
        anchor.setId(id);
        return anchor;
    }

    private String t(String key, Object... args) {
        return translations.translate(key, locale, args);
    }
}
