package vn.congso.publishing.internal.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.congso.api.links.LinkTarget;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.StoredFile;
import vn.congso.publishing.internal.content.SafeMarkdown;
import vn.congso.publishing.internal.web.PortalRoutes;

/**
 * A published article for anyone: title, date, category, cover (responsive widths), summary, the
 * sanitised body, attachments, "Nộp hồ sơ trực tuyến" links to its procedures when the services
 * plugin is installed, and the printable leaflet. Each opening counts one view (no cookie).
 */
public class PortalArticleView extends VerticalLayout implements HasUrlParameter<String>, vn.congso.api.ui.NamedPage {

    private static final long serialVersionUID = 1L;
    private final transient ArticleService articles;
    private final transient Procedures procedures;
    private final transient Ui ui;
    private final transient SafeMarkdown markdown = new SafeMarkdown();
    private String title = "";

    PortalArticleView(ArticleService articles, Procedures procedures, Ui ui) {
        this.articles = articles;
        this.procedures = procedures;
        this.ui = ui;
        setId("portal-article");
        addClassNames("publishing-page", "publishing-portal");
    }

    @Override
    public String pageName() {
        return title;
    }

    @Override
    public void setParameter(BeforeEvent event, String slug) {
        removeAll();
        articles.countVisit();
        Optional<vn.congso.publishing.internal.article.Article> found = articles.published(slug);
        if (found.isEmpty()) {
            title = ui.t("publishing.ui.portal.not-found");
            H1 missing = new H1(title);
            missing.setId("portal-article-missing");
            add(missing);
            return;
        }
        var a = found.get();
        articles.countView(a.id());
        title = a.title();
        Article page = new Article();
        page.addClassName("publishing-article");
        H1 h1 = new H1(a.title());
        h1.setId("portal-article-title");
        String categoryName = articles.category(a.categoryId()).map(c -> c.name(ui.locale())).orElse("");
        Div meta = new Div(Cards.link(PortalRoutes.category(a.categoryId()), categoryName, "portal-article-category"),
                new Span(" · " + ui.date(a.publishAt())), new Span(" · " + a.authorName()));
        meta.addClassName("publishing-date");
        page.add(h1, meta);
        List<Integer> widths = articles.coverWidths(a.id());
        if (!widths.isEmpty()) {
            Image cover = new Image(PortalRoutes.cover(a.id(), widths.get(0)), a.title());
            cover.setId("portal-article-cover");
            cover.addClassName("publishing-cover");
            cover.getElement().setAttribute("srcset", widths.stream()
                    .map(w -> PortalRoutes.cover(a.id(), w) + " " + w + "w").collect(Collectors.joining(", ")));
            cover.getElement().setAttribute("sizes", "(max-width: 56rem) 100vw, 56rem");
            page.add(cover);
        }
        if (!a.summary().isBlank()) {
            Paragraph summary = new Paragraph(a.summary());
            summary.addClassName("publishing-summary");
            page.add(summary);
        }
        Html body = new Html("<div class=\"publishing-article-body\">" + markdown.toHtml(a.body()) + "</div>");
        page.add(body);
        List<StoredFile> files = articles.attachments(a.id());
        if (!files.isEmpty()) {
            Div box = new Div(new H2(ui.t("publishing.ui.portal.attachments")));
            box.setId("portal-article-attachments");
            for (StoredFile f : files) {
                Anchor link = new Anchor(PortalRoutes.attachment(a.id(), f.id(), f.name()), f.name());
                link.getElement().setAttribute("router-ignore", true);
                link.setId("portal-attachment-" + f.id());
                box.add(new Div(link));
            }
            page.add(box);
        }
        if (procedures.available()) {
            List<LinkTarget> targets = a.procedures().stream().map(code -> procedures.resolve(code, ui.locale()))
                    .flatMap(Optional::stream).toList();
            if (!targets.isEmpty()) {
                Div box = new Div();
                box.setId("portal-article-procedures");
                box.addClassName("publishing-procedures");
                for (LinkTarget t : targets) {
                    Anchor apply = new Anchor("/" + t.path(), ui.t("publishing.ui.portal.apply-online") + ": " + t.title());
                    apply.setId("portal-apply-" + t.key().replaceAll("[^A-Za-z0-9_-]", "-"));
                    apply.addClassName("publishing-apply");
                    box.add(new Div(apply));
                }
                page.add(box);
            }
        }
        Anchor leaflet = new Anchor(PortalRoutes.leaflet(a.slug()), ui.t("publishing.ui.portal.leaflet"));
        leaflet.setId("portal-article-leaflet");
        leaflet.getElement().setAttribute("router-ignore", true);
        page.add(new Div(leaflet));
        add(page);
    }
}
