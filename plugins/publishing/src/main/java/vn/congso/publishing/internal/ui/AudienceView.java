package vn.congso.publishing.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import vn.congso.api.indicators.Period;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleService;

/**
 * The editors' audience figures: the portal's visits per day and the most read articles of a
 * period, each article's views per day on selection. Counted on the server, without cookies or
 * anything about the readers; charts drawn on the server with their numbers also in a table.
 */
public class AudienceView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final List<Integer> PERIODS = List.of(7, 30, 90, 365);
    private final transient ArticleService articles;
    private final transient Ui ui;
    private final Select<Integer> period = new Select<>();
    private final Div figures = new Div();
    private final Div article = new Div();

    AudienceView(ArticleService articles, Ui ui) {
        this.articles = articles;
        this.ui = ui;
        setId("publishing-audience");
        addClassName("publishing-page");
        period.setId("publishing-audience-period");
        period.setLabel(ui.t("publishing.ui.audience.period"));
        period.setItems(PERIODS);
        period.setItemLabelGenerator(days -> ui.t("publishing.ui.audience.last-days", days));
        period.setValue(30);
        period.addValueChangeListener(e -> refresh());
        figures.setId("publishing-audience-figures");
        article.setId("publishing-audience-article");
        add(new H1(ui.t("publishing.ui.audience.title")), new Paragraph(ui.t("publishing.ui.audience.help")), period,
                figures, article);
        refresh();
    }

    private void refresh() {
        figures.removeAll();
        article.removeAll();
        LocalDate to = LocalDate.now(Period.ZONE).plusDays(1);
        LocalDate from = to.minusDays(period.getValue());
        NumberFormat numbers = NumberFormat.getIntegerInstance(ui.locale());
        SortedMap<LocalDate, Long> visits = articles.visitsPerDay(from, to);
        long total = visits.values().stream().mapToLong(Long::longValue).sum();
        Paragraph summary = new Paragraph(ui.t("publishing.ui.audience.visits-summary", numbers.format(total),
                numbers.format(Math.round((double) total / visits.size())), visits.size()));
        summary.setId("publishing-audience-visits");
        figures.add(new H2(ui.t("publishing.ui.audience.visits")), summary,
                chart("publishing-audience-visits-chart", ui.t("publishing.ui.audience.visits"), visits));

        Map<Long, Long> views = articles.viewsBetween(from, to);
        long allViews = views.values().stream().mapToLong(Long::longValue).sum();
        // The 50 most read, read from the database at once (not one query per row).
        List<Long> top = views.keySet().stream().limit(50).toList();
        Map<Long, Article> byId = new java.util.HashMap<>();
        articles.articles(top).forEach(a -> byId.put(a.id(), a));
        List<Row> rows = new ArrayList<>();
        for (Long id : top) {
            if (byId.containsKey(id)) {
                rows.add(new Row(byId.get(id), views.get(id)));
            }
        }
        Grid<Row> grid = new Grid<>();
        grid.setId("publishing-audience-articles");
        grid.addColumn(r -> r.article().title()).setHeader(ui.t("publishing.ui.field.title")).setFlexGrow(4);
        grid.addColumn(r -> numbers.format(r.views())).setHeader(ui.t("publishing.ui.field.views"));
        grid.addColumn(r -> ui.t("publishing.ui.audience.share", numbers.format(r.views()), numbers.format(allViews)))
                .setHeader(ui.t("publishing.ui.audience.share-header"));
        grid.setItems(rows);
        grid.setEmptyStateText(ui.t("publishing.ui.audience.no-views"));
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(r -> showArticle(r.article(), from, to),
                article::removeAll));
        figures.add(new H2(ui.t("publishing.ui.audience.articles")), grid);
    }

    private void showArticle(Article a, LocalDate from, LocalDate to) {
        article.removeAll();
        String title = ui.t("publishing.ui.audience.article-views", a.title());
        article.add(new H2(title), chart("publishing-audience-article-chart", title, articles.viewsPerDay(a.id(), from, to)));
    }

    private Component chart(String id, String title, SortedMap<LocalDate, Long> perDay) {
        // An SVG shown through <img> cannot run scripts or load anything, whatever it contains.
        String svg = AudienceChart.svg(perDay, title, ui.locale());
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            byte[] data = svg.getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(data), id + ".svg", "image/svg+xml", data.length);
        });
        Image image = new Image(handler, title);
        image.setId(id);
        image.setWidthFull();
        image.setMaxWidth(AudienceChart.WIDTH + "px");
        return image;
    }

    /** An article and its views in the period. */
    private record Row(Article article, long views) {
    }
}
