package vn.congso.publishing.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.TranslationService;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.web.PublicLinks;
import vn.congso.api.web.PublicResource;
import vn.congso.api.web.PublicResourceSource;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.StoredFile;

/**
 * The portal's files for anyone under {@code /pub/publishing/}: feeds, cover widths, attachments
 * and leaflets of published articles. Each path is matched against an allow-list of patterns.
 */
@Component
public final class PublishingResources implements PublicResourceSource {

    static final Pattern FEED = Pattern.compile("feed/(?:([a-z0-9]+(?:-[a-z0-9]+)*)/)?(rss|atom)\\.xml");
    static final Pattern COVER = Pattern.compile("cover/([0-9]{1,18})/([0-9]{3,4})\\.jpg");
    static final Pattern FILE = Pattern.compile("file/([0-9]{1,18})/([0-9]{1,18})/[A-Za-z0-9._-]{1,120}");
    static final Pattern LEAFLET = Pattern.compile("leaflet/([a-z0-9]+(?:-[a-z0-9]+)*)\\.pdf");

    private final ArticleService articles;
    private final Feeds feeds;
    private final Leaflets leaflets;

    /**
     * @param articles the articles
     * @param links absolute links
     * @param pdf the PDF renderer
     * @param translations texts
     */
    @Activate
    public PublishingResources(@Reference ArticleService articles, @Reference PublicLinks links,
            @Reference PdfRenderer pdf, @Reference TranslationService translations) {
        this.articles = articles;
        this.feeds = new Feeds(articles, links, locale -> translations.translate("publishing.portal.title", locale));
        this.leaflets = new Leaflets(articles, pdf, links, (key, locale) -> translations.translate(key, locale));
    }

    @Override
    public String name() {
        return PortalRoutes.RESOURCES;
    }

    @Override
    public Optional<PublicResource> get(String path, Locale locale) throws IOException {
        Matcher m = FEED.matcher(path);
        if (m.matches()) {
            boolean atom = "atom".equals(m.group(2));
            return feeds.feed(m.group(1), atom, locale).map(xml -> new PublicResource(
                    atom ? "application/atom+xml;charset=utf-8" : "application/rss+xml;charset=utf-8",
                    xml.getBytes(StandardCharsets.UTF_8), "", 300));
        }
        m = COVER.matcher(path);
        if (m.matches()) {
            return articles.file(Long.parseLong(m.group(1)), "cover-" + m.group(2), 0)
                    .map(f -> new PublicResource("image/jpeg", f.getValue(), "", 3600));
        }
        m = FILE.matcher(path);
        if (m.matches()) {
            Optional<Map.Entry<StoredFile, byte[]>> file = articles.file(Long.parseLong(m.group(1)), "attachment",
                    Long.parseLong(m.group(2)));
            return file.map(f -> new PublicResource(f.getKey().mediaType(), f.getValue(), f.getKey().name(), 3600));
        }
        m = LEAFLET.matcher(path);
        if (m.matches()) {
            Optional<Article> article = articles.published(m.group(1));
            if (article.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PublicResource("application/pdf", leaflets.render(article.get(), locale),
                    article.get().slug() + ".pdf", 300));
        }
        return Optional.empty();
    }
}
