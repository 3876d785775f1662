package vn.congso.publishing.internal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.web.PortalRoutes;

/** An article as a card in the portal's lists: cover (smallest width), title link, date, summary. */
final class Cards {

    private Cards() {
    }

    static Div card(Article a, ArticleService articles, Ui ui) {
        Div card = new Div();
        card.addClassName("publishing-card");
        card.setId("publishing-card-" + a.id());
        List<Integer> widths = articles.coverWidths(a.id());
        if (!widths.isEmpty()) {
            Image cover = new Image(PortalRoutes.cover(a.id(), widths.get(0)), "");
            cover.addClassName("publishing-card-cover");
            // Decorative here: the title next to it says what the article is.
            cover.getElement().setAttribute("loading", "lazy");
            card.add(cover);
        }
        Anchor link = new Anchor("/" + PortalRoutes.article(a.slug()), a.title());
        link.setId("publishing-link-" + a.id());
        H3 title = new H3(link);
        Span date = new Span(ui.date(a.publishAt()));
        date.addClassName("publishing-date");
        card.add(title, date);
        if (!a.summary().isBlank()) {
            card.add(new Paragraph(a.summary()));
        }
        return card;
    }

    /** A link to a route inside the portal. */
    static Anchor link(String route, String text, String id) {
        Anchor a = new Anchor("/" + route, text);
        a.setId(id);
        return a;
    }
}
