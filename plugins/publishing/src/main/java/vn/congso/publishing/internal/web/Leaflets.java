package vn.congso.publishing.internal.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.text.Formats;
import vn.congso.api.web.PublicLinks;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.content.SafeMarkdown;

/**
 * A printable A4 leaflet of an article (core's PdfRenderer) ending with a QR code to its online
 * page. The body is the sanitised HTML of the article as XHTML; images are left out (the
 * renderer loads nothing from outside the bundle).
 */
public final class Leaflets {

    private static final int QR_PIXELS = 120;
    private final ArticleService articles;
    private final PdfRenderer pdf;
    private final PublicLinks links;
    private final SafeMarkdown markdown = new SafeMarkdown();
    private final BiFunction<String, Locale, String> texts;

    /**
     * @param articles the articles
     * @param pdf the renderer
     * @param links absolute links
     * @param texts translations (key, locale)
     */
    public Leaflets(ArticleService articles, PdfRenderer pdf, PublicLinks links, BiFunction<String, Locale, String> texts) {
        this.articles = articles;
        this.pdf = pdf;
        this.links = links;
        this.texts = texts;
    }

    /**
     * @param article a published article
     * @param locale the language of the leaflet's own texts
     * @return the PDF
     * @throws IOException when it cannot be rendered
     */
    public byte[] render(Article article, Locale locale) throws IOException {
        String url = links.absolute("/" + PortalRoutes.article(article.slug()));
        Map<String, Object> data = new HashMap<>();
        data.put("portal", texts.apply("publishing.portal.title", locale));
        data.put("category", articles.category(article.categoryId()).map(c -> c.name(locale)).orElse(""));
        data.put("date", Formats.date(article.publishAt(), locale));
        data.put("title", article.title());
        data.put("summary", article.summary());
        data.put("body", new PdfRenderer.Markup(xhtml(markdown.toHtml(article.body()))));
        data.put("qr", pdf.qrCode(url, QR_PIXELS));
        data.put("readOnline", texts.apply("publishing.leaflet.read-online", locale));
        data.put("url", url);
        return pdf.render("pdf/leaflet.xhtml", data);
    }

    /** Safe HTML as well-formed XHTML with numeric character references, without images. */
    static String xhtml(String safeHtml) {
        Document doc = Jsoup.parseBodyFragment(safeHtml);
        doc.select("img").remove();
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset("US-ASCII").prettyPrint(false);
        return doc.body().html();
    }
}
