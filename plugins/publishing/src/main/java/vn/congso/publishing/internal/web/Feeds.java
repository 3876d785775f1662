package vn.congso.publishing.internal.web;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import vn.congso.api.web.PublicLinks;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.Category;

/**
 * RSS 2.0 and Atom 1.0 feeds of the latest published articles, overall and per category (Rome),
 * with absolute links from the platform's public base URL. A built feed is served again until an
 * article appears on or leaves the portal (or for at most a minute).
 */
public final class Feeds {

    /** How many articles a feed lists. */
    public static final int SIZE = 30;
    /**
     * How long a built feed is served again while no article appeared or left: a category renamed
     * or an author's name changed shows within this time.
     */
    static final long MAX_AGE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    /** Feeds kept (categories × 2 formats × languages); beyond it the cache starts again. */
    private static final int MAX_CACHED = 200;
    private final java.util.Map<String, Built> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private final ArticleService articles;
    private final PublicLinks links;
    private final Function<Locale, String> portalTitle;

    /**
     * @param articles the articles
     * @param links absolute links
     * @param portalTitle the portal's name in a language
     */
    public Feeds(ArticleService articles, PublicLinks links, Function<Locale, String> portalTitle) {
        this.articles = articles;
        this.links = links;
        this.portalTitle = portalTitle;
    }

    /**
     * @param categoryId a category, or null for all
     * @param atom Atom 1.0 instead of RSS 2.0
     * @param locale the language of the feed's own texts
     * @return the feed's XML, or empty for an unknown category
     * @throws IOException when Rome cannot write it
     */
    public Optional<String> feed(String categoryId, boolean atom, Locale locale) throws IOException {
        String key = categoryId + "|" + atom + "|" + locale.toLanguageTag();
        long version = articles.publicationCount();
        Built built = cache.get(key);
        if (built != null && built.version() == version && System.nanoTime() - built.at() < MAX_AGE_NANOS) {
            return built.xml();
        }
        Optional<String> xml = generate(categoryId, atom, locale);
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, new Built(version, System.nanoTime(), xml));
        return xml;
    }

    /** A feed as built, for the version of the published articles it was built from. */
    private record Built(long version, long at, Optional<String> xml) {
    }

    /**
     * Builds a feed from the database, without the cache.
     *
     * @param categoryId a category, or null for all
     * @param atom Atom 1.0 instead of RSS 2.0
     * @param locale the language of the feed's own texts
     * @return the feed's XML, or empty for an unknown category
     * @throws IOException when Rome cannot write it
     */
    public Optional<String> generate(String categoryId, boolean atom, Locale locale) throws IOException {
        java.util.Map<String, Category> categories = new java.util.HashMap<>();
        articles.categories().forEach(c -> categories.put(c.id(), c));
        Optional<Category> category = categoryId == null ? Optional.empty() : Optional.ofNullable(categories.get(categoryId));
        if (categoryId != null && category.isEmpty()) {
            return Optional.empty();
        }
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(atom ? "atom_1.0" : "rss_2.0");
        String title = portalTitle.apply(locale) + category.map(c -> " – " + c.name(locale)).orElse("");
        feed.setTitle(title);
        feed.setDescription(title);
        feed.setLanguage(locale.getLanguage());
        feed.setLink(links.absolute("/" + (categoryId == null ? PortalRoutes.HOME : PortalRoutes.category(categoryId))));
        feed.setUri(links.absolute(PortalRoutes.feed(categoryId, atom)));
        List<Article> latest = articles.publishedPage(categoryId, 0, SIZE);
        feed.setPublishedDate(latest.isEmpty() ? new Date(0) : Date.from(latest.get(0).publishAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Article a : latest) {
            SyndEntry entry = new SyndEntryImpl();
            String link = links.absolute("/" + PortalRoutes.article(a.slug()));
            entry.setTitle(a.title());
            entry.setLink(link);
            entry.setUri(link);
            entry.setAuthor(a.authorName());
            entry.setPublishedDate(Date.from(a.publishAt()));
            entry.setUpdatedDate(Date.from(a.updatedAt()));
            SyndContent description = new SyndContentImpl();
            description.setType("text/plain");
            description.setValue(a.summary());
            entry.setDescription(description);
            SyndCategory c = new SyndCategoryImpl();
            c.setName(Optional.ofNullable(categories.get(a.categoryId())).map(x -> x.name(locale)).orElse(a.categoryId()));
            entry.setCategories(List.of(c));
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return Optional.of(new SyndFeedOutput().outputString(feed, true));
        } catch (FeedException e) {
            throw new IOException("Cannot write the feed", e);
        }
    }
}
