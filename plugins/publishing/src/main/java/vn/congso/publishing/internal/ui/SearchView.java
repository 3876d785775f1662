package vn.congso.publishing.internal.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import java.util.List;
import vn.congso.api.text.PickerTexts;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.Category;
import vn.congso.publishing.internal.search.ArticleIndex;
import vn.congso.publishing.internal.search.SearchHit;
import vn.congso.publishing.internal.search.SearchResult;
import vn.congso.publishing.internal.web.PortalRoutes;

/** Searching the published articles, with or without tone marks, by category and date ({@code ?q=}). */
public class SearchView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private final transient ArticleService articles;
    private final transient ArticleIndex index;
    private final transient Ui ui;
    private final TextField q = new TextField();
    private final ComboBox<Category> category = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Div results = new Div();

    SearchView(ArticleService articles, ArticleIndex index, Ui ui) {
        this.articles = articles;
        this.index = index;
        this.ui = ui;
        setId("portal-search");
        addClassNames("publishing-page", "publishing-portal");
        q.setId("portal-search-query");
        q.setLabel(ui.t("publishing.ui.portal.search"));
        q.setMaxLength(200);
        q.setWidthFull();
        category.setId("portal-search-category");
        category.setLabel(ui.t("publishing.ui.field.category"));
        category.setItems(articles.categories());
        category.setItemLabelGenerator(c -> c.name(ui.locale()));
        category.setClearButtonVisible(true);
        from.setId("portal-search-from");
        from.setLabel(ui.t("publishing.ui.portal.from"));
        PickerTexts.apply(from, ui.translator(), ui.locale());
        to.setId("portal-search-to");
        to.setLabel(ui.t("publishing.ui.portal.to"));
        PickerTexts.apply(to, ui.translator(), ui.locale());
        Button go = new Button(ui.t("publishing.ui.portal.search"), e -> search());
        go.setId("portal-search-submit");
        go.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        Div filters = new Div(category, from, to);
        filters.addClassName("publishing-filters");
        results.setId("portal-search-results");
        add(new H1(ui.t("publishing.ui.portal.search")), q, filters, go, results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        articles.countVisit();
        List<String> asked = event.getLocation().getQueryParameters().getParameters().getOrDefault("q", List.of());
        if (!asked.isEmpty()) {
            q.setValue(asked.get(0).length() > 200 ? asked.get(0).substring(0, 200) : asked.get(0));
            search();
        }
    }

    private void search() {
        results.removeAll();
        if (q.getValue().isBlank()) {
            return;
        }
        SearchResult found = index.search(q.getValue(), category.getValue() == null ? null : category.getValue().id(),
                from.getValue(), to.getValue(), 0, 30);
        Paragraph count = new Paragraph(ui.t("publishing.ui.portal.found", found.total()));
        count.setId("portal-search-count");
        results.add(count);
        for (SearchHit hit : found.hits()) {
            Div item = new Div();
            item.addClassName("publishing-hit");
            Anchor link = new Anchor("/" + PortalRoutes.article(hit.slug()), hit.title());
            link.setId("portal-hit-" + hit.articleId());
            item.add(new H3(link), new Span(ui.date(hit.publishedAt())),
                    new Html("<p class=\"publishing-snippet\">" + hit.snippetHtml() + "</p>"));
            results.add(item);
        }
    }
}
