package vn.congso.publishing.internal.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.web.PagePreview;
import vn.congso.api.web.PagePreviewSource;
import vn.congso.api.web.PublicLinks;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.content.SafeMarkdown;

/**
 * The link preview and crawler text of a published article's page ({@code portal/article/<slug>}):
 * its title, summary, widest cover as an absolute image address, and its text.
 */
@Component
public final class ArticlePreviews implements PagePreviewSource {

    private static final String PREFIX = PortalRoutes.ARTICLE + "/";
    private final ArticleService articles;
    private final PublicLinks links;
    private final SafeMarkdown markdown = new SafeMarkdown();

    /**
     * @param articles the articles
     * @param links absolute links
     */
    @Activate
    public ArticlePreviews(@Reference ArticleService articles, @Reference PublicLinks links) {
        this.articles = articles;
        this.links = links;
    }

    @Override
    public Optional<PagePreview> preview(String path, Locale locale) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return articles.published(path.substring(PREFIX.length())).map(this::preview);
    }

    PagePreview preview(Article a) {
        List<Integer> widths = articles.coverWidths(a.id());
        String image = widths.isEmpty() ? "" : links.absolute(PortalRoutes.cover(a.id(), widths.get(widths.size() - 1)));
        String text = org.jsoup.Jsoup.parseBodyFragment(markdown.toHtml(a.body())).select("p, li, h1, h2, h3, td")
                .eachText().stream().reduce((x, y) -> x + "\n\n" + y).orElse("");
        return new PagePreview(a.title(), a.summary(), links.absolute("/" + PortalRoutes.article(a.slug())), image, text);
    }
}
