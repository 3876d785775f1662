package vn.congso.publishing.internal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import java.util.List;
import java.util.Optional;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.Category;
import vn.congso.publishing.internal.web.PortalRoutes;

/** A category's articles for anyone, pinned first then newest, {@value #PAGE} a page ({@code ?page=}). */
public class CategoryView extends VerticalLayout implements HasUrlParameter<String> {

    private static final long serialVersionUID = 1L;
    /** Articles per page. */
    static final int PAGE = 10;
    private final transient ArticleService articles;
    private final transient Ui ui;

    CategoryView(ArticleService articles, Ui ui) {
        this.articles = articles;
        this.ui = ui;
        setId("portal-category");
        addClassNames("publishing-page", "publishing-portal");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        articles.countVisit();
        Optional<Category> category = articles.category(id);
        if (category.isEmpty()) {
            add(new H1(ui.t("publishing.ui.portal.not-found")));
            return;
        }
        int page = 1;
        List<String> asked = event.getLocation().getQueryParameters().getParameters().getOrDefault("page", List.of());
        if (!asked.isEmpty() && asked.get(0).matches("[0-9]{1,5}")) {
            page = Math.max(1, Integer.parseInt(asked.get(0)));
        }
        int total = articles.publishedCount(id);
        int pages = Math.max(1, (total + PAGE - 1) / PAGE);
        page = Math.min(page, pages);
        add(new H1(category.get().name(ui.locale())));
        Div list = new Div();
        list.addClassName("publishing-cards");
        List<Article> items = articles.publishedPage(id, (page - 1) * PAGE, PAGE);
        items.forEach(a -> list.add(Cards.card(a, articles, ui)));
        add(list);
        if (items.isEmpty()) {
            add(new Paragraph(ui.t("publishing.ui.portal.empty")));
        }
        Nav paging = new Nav();
        paging.setId("portal-paging");
        paging.getElement().setAttribute("aria-label", ui.t("publishing.ui.portal.paging"));
        String base = "/" + PortalRoutes.category(id) + "?page=";
        if (page > 1) {
            paging.add(anchor(base + (page - 1), ui.t("publishing.ui.portal.previous"), "portal-page-previous"));
        }
        paging.add(new com.vaadin.flow.component.html.Span(ui.t("publishing.ui.portal.page", page, pages)));
        if (page < pages) {
            paging.add(anchor(base + (page + 1), ui.t("publishing.ui.portal.next"), "portal-page-next"));
        }
        add(paging);
        Anchor rss = new Anchor(PortalRoutes.feed(id, false), ui.t("publishing.ui.portal.rss"));
        rss.setId("portal-category-rss");
        rss.getElement().setAttribute("router-ignore", true);
        add(rss);
    }

    private static Anchor anchor(String href, String text, String id) {
        Anchor a = new Anchor(href, text);
        a.setId(id);
        return a;
    }
}
