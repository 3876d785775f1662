package vn.congso.publishing.internal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import vn.congso.api.links.LinkTarget;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.Category;
import vn.congso.publishing.internal.web.PortalRoutes;

/**
 * The portal's home page, for anyone: featured articles, the latest of every category, the online
 * services' entry points when the services plugin is installed, search and the feed.
 */
public class PortalHomeView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** Articles per category on the home page. */
    static final int PER_CATEGORY = 4;

    PortalHomeView(ArticleService articles, Procedures procedures, Ui ui) {
        setId("portal-home");
        articles.countVisit();
        addClassNames("publishing-page", "publishing-portal");
        add(new H1(ui.t("publishing.portal.title")));
        add(SearchBox.box(ui, ""));
        List<Article> featured = articles.featured();
        if (!featured.isEmpty()) {
            Section box = new Section(new H2(ui.t("publishing.ui.portal.featured")));
            box.setId("portal-featured");
            Div list = new Div();
            list.addClassName("publishing-cards");
            featured.stream().limit(PER_CATEGORY).forEach(a -> list.add(Cards.card(a, articles, ui)));
            box.add(list);
            add(box);
        }
        List<LinkTarget> services = procedures.entryPoints(ui.locale());
        if (!services.isEmpty()) {
            Nav nav = new Nav(new H2(ui.t("publishing.ui.portal.services")));
            nav.setId("portal-services");
            nav.getElement().setAttribute("aria-label", ui.t("publishing.ui.portal.services"));
            for (LinkTarget t : services) {
                Anchor a = new Anchor("/" + t.path(), t.title());
                a.setId("portal-service-" + t.key().replaceAll("[^A-Za-z0-9_-]", "-"));
                nav.add(new Div(a));
            }
            add(nav);
        }
        for (Category c : articles.categories()) {
            List<Article> latest = articles.publishedPage(c.id(), 0, PER_CATEGORY);
            if (latest.isEmpty()) {
                continue;
            }
            Section box = new Section();
            box.setId("portal-category-" + c.id());
            box.add(new H2(Cards.link(PortalRoutes.category(c.id()), c.name(ui.locale()), "portal-category-link-" + c.id())));
            Div list = new Div();
            list.addClassName("publishing-cards");
            latest.forEach(a -> list.add(Cards.card(a, articles, ui)));
            box.add(list);
            add(box);
        }
        if (articles.publishedCount(null) == 0) {
            add(new com.vaadin.flow.component.html.Paragraph(ui.t("publishing.ui.portal.empty")));
        }
        Anchor rss = new Anchor(PortalRoutes.feed(null, false), ui.t("publishing.ui.portal.rss"));
        rss.setId("portal-rss");
        rss.getElement().setAttribute("router-ignore", true);
        add(rss);
    }
}
