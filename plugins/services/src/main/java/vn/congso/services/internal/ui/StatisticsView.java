package vn.congso.services.internal.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import vn.congso.api.TranslationService;
import vn.congso.api.indicators.Period;
import vn.congso.api.text.Formats;
import vn.congso.services.internal.indicators.Statistics;

/** On-time and online figures of a year, per receiving unit and in total. */
public class StatisticsView extends VerticalLayout {

    private final Statistics statistics;
    private final Texts ui;
    private final Grid<Statistics.Row> grid = new Grid<>();
    private final Paragraph total = new Paragraph();
    private final Paragraph satisfaction = new Paragraph();
    private final transient vn.congso.services.internal.rating.ServiceRatings ratings;

    /**
     * @param statistics the figures
     * @param translations texts
     * @param ratings the citizens' ratings (Decision 766's satisfaction)
     */
    public StatisticsView(Statistics statistics, TranslationService translations,
            vn.congso.services.internal.rating.ServiceRatings ratings) {
        this.ratings = ratings;
        satisfaction.setId("services-statistics-satisfaction");
        this.statistics = statistics;
        this.ui = new Texts(translations);
        setId("services-statistics");
        addClassName("services-page");
        Select<Integer> year = new Select<>();
        year.setId("services-statistics-year");
        year.setLabel(ui.t("services.statistics.year"));
        int now = LocalDate.now(Formats.ZONE).getYear();
        year.setItems(IntStream.rangeClosed(now - 3, now).boxed().sorted(java.util.Comparator.reverseOrder()).toList());
        year.setItemLabelGenerator(String::valueOf);
        grid.setId("services-statistics-grid");
        grid.addColumn(r -> r.unit().isEmpty() ? ui.t("services.statistics.total") : statistics.unitName(r.unit()))
                .setHeader(ui.t("services.statistics.unit")).setFlexGrow(3);
        grid.addColumn(r -> n(r.settled())).setHeader(ui.t("services.statistics.settled"));
        grid.addColumn(r -> n(r.onTime())).setHeader(ui.t("services.statistics.on-time"));
        grid.addColumn(r -> n(r.late())).setHeader(ui.t("services.statistics.late"));
        grid.addColumn(r -> pct(r.onTime(), r.settled())).setHeader(ui.t("services.statistics.rate"));
        grid.addColumn(r -> n(r.submitted())).setHeader(ui.t("services.statistics.submitted"));
        grid.addColumn(r -> pct(r.online(), r.submitted())).setHeader(ui.t("services.statistics.online"));
        grid.setEmptyStateText(ui.t("services.statistics.empty"));
        grid.setAllRowsVisible(true);
        total.setId("services-statistics-total");
        year.addValueChangeListener(e -> show(e.getValue()));
        add(new H2(ui.t("services.statistics.title")), year, total, grid);
        add(satisfaction);
        // The demo year has figures; a fresh installation starts on the current year.
        year.setValue(statistics.byUnit(Period.year(now).startInstant(), Period.year(now).endInstant()).get(0).settled() > 0
                ? now : now - 1);
    }

    private void show(int year) {
        List<Statistics.Row> rows = statistics.byUnit(Period.year(year).startInstant(), Period.year(year).endInstant());
        grid.setItems(rows);
        Statistics.Row all = Statistics.row(rows, "");
        total.setText(ui.t("services.statistics.summary", n(all.onTime()), n(all.settled()), pct(all.onTime(), all.settled())));
        vn.congso.services.internal.rating.ServiceRatings.Summary rated = ratings.summary(Period.year(year).startInstant(),
                Period.year(year).endInstant(), "");
        satisfaction.setText(rated.count() == 0 ? ui.t("services.statistics.satisfaction.none")
                : ui.t("services.statistics.satisfaction", n(rated.count()), average(rated), n(rated.satisfied()),
                        n(rated.count()), pct(rated.satisfied(), rated.count())));
    }

    private String n(long value) {
        return java.text.NumberFormat.getIntegerInstance("en".equals(ui.locale().getLanguage()) ? java.util.Locale.ENGLISH
                : java.util.Locale.forLanguageTag("vi")).format(value);
    }

    private String pct(long part, long whole) {
        if (whole == 0) {
            return "—";
        }
        // Two decimals, as the seed reports it (99,37 %); the page's separators.
        boolean english = "en".equals(ui.locale().getLanguage());
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(english ? java.util.Locale.ENGLISH
                : java.util.Locale.forLanguageTag("vi"));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(100.0 * part / whole) + (english ? "%" : Formats.NBSP + "%");
    }

    /** The average score with one decimal, in the page's separators. */
    private String average(vn.congso.services.internal.rating.ServiceRatings.Summary rated) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance("en".equals(ui.locale().getLanguage())
                ? java.util.Locale.ENGLISH : java.util.Locale.forLanguageTag("vi"));
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(rated.average().orElse(0));
    }
}
