package vn.congso.publishing.internal.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.security.RunAs;

/**
 * Publishes the demo articles ({@code demo/articles.txt}) on the first start of an installation
 * without articles, as {@value #ACTOR}, through the same workflow people use; off with
 * {@code demoData = false} in {@code etc/vn.congso.publishing.cfg}.
 */
@Component(immediate = true, configurationPid = DemoArticles.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@org.osgi.service.metatype.annotations.Designate(ocd = DemoArticles.Config.class)
public final class DemoArticles {

    /** The configuration PID. */
    public static final String PID = "vn.congso.publishing";
    static final String ACTOR = "system:publishing-demo";
    private final Logger log = LoggerFactory.getLogger(DemoArticles.class);

    /** The configuration, described to {@code config:meta} and every metatype tool in both languages. */
    @org.osgi.service.metatype.annotations.ObjectClassDefinition(localization = "OSGI-INF/l10n/metatype",
            name = "%publishing.name", description = "%publishing.description")
    public @interface Config {
        /** @return whether the demo articles are loaded into an installation without articles */
        @org.osgi.service.metatype.annotations.AttributeDefinition(name = "%publishing.demoData.name",
                description = "%publishing.demoData.description")
        boolean demoData() default true;
    }

    /**
     * @param articles the articles
     * @param runAs to act as the system
     * @param config the configuration
     * @throws Exception when loading fails (the component then stays inactive and says why)
     */
    @Activate
    public DemoArticles(@Reference ArticleService articles, @Reference RunAs runAs, Config config) throws Exception {
        if (!config.demoData()) {
            return;
        }
        int loaded = runAs.call(runAs.system(ACTOR), () -> load(articles));
        if (loaded > 0) {
            log.info("Published {} demo article(s)", loaded);
        }
    }

    static int load(ArticleService articles) throws IOException {
        if (!articles.find(null, null, "", 1).isEmpty()) {
            return 0;
        }
        List<ArticleDraft> drafts = parse(read());
        List<Long> ids = new ArrayList<>();
        for (ArticleDraft d : drafts) {
            Article a = articles.create(d);
            articles.transition(a.id(), Transition.SUBMIT);
            articles.transition(a.id(), Transition.APPROVE);
            articles.transition(a.id(), Transition.PUBLISH);
            ids.add(a.id());
        }
        seedAudience(articles, ids, java.time.LocalDate.now(vn.congso.api.indicators.Period.ZONE));
        return drafts.size();
    }

    /** Days of audience history the demo gives the portal. */
    static final int AUDIENCE_DAYS = 90;

    /**
     * The audience of the {@value #AUDIENCE_DAYS} days before today, as the district's portal sees
     * it (350 and more visits a day, fewer at weekends), so the editors' charts and the dashboard
     * show something real-sized on first start. Deterministic: the same every time.
     */
    static void seedAudience(ArticleService articles, List<Long> ids, java.time.LocalDate today) {
        java.util.Random random = new java.util.Random(2025);
        java.util.Map<java.time.LocalDate, Long> visits = new java.util.TreeMap<>();
        java.util.Map<Long, java.util.Map<java.time.LocalDate, Long>> views = new java.util.LinkedHashMap<>();
        for (int back = AUDIENCE_DAYS; back >= 1; back--) {
            java.time.LocalDate day = today.minusDays(back);
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            long v = (weekend ? 180 : 350) + random.nextInt(weekend ? 60 : 120);
            visits.put(day, v);
            // About half of the visits open an article, the first (newest) articles more often.
            long articleViews = v / 2;
            for (int i = 0; i < ids.size() && articleViews > 0; i++) {
                long share = Math.max(1, articleViews / 3);
                long count = Math.min(articleViews, share / 2 + random.nextInt((int) share + 1));
                if (count > 0) {
                    views.computeIfAbsent(ids.get(i), k -> new java.util.TreeMap<>()).put(day, count);
                    articleViews -= count;
                }
            }
        }
        articles.seedAudience(visits, views);
    }

    static String read() throws IOException {
        try (InputStream in = DemoArticles.class.getClassLoader().getResourceAsStream("demo/articles.txt")) {
            if (in == null) {
                throw new IOException("demo/articles.txt is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads articles separated by lines {@code ---}: header lines {@code name: value} (title,
     * category, summary, featured, pinned, tags), a blank line, then the Markdown body.
     *
     * @param text the file
     * @return the drafts
     */
    static List<ArticleDraft> parse(String text) {
        List<ArticleDraft> out = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").split("\n---\n")) {
            String[] parts = block.strip().split("\n\n", 2);
            String title = "";
            String category = "";
            String summary = "";
            boolean featured = false;
            boolean pinned = false;
            List<String> tags = List.of();
            for (String line : parts[0].split("\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("demo article header without ':' : " + line);
                }
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                switch (key) {
                    case "title" -> title = value;
                    case "category" -> category = value;
                    case "summary" -> summary = value;
                    case "featured" -> featured = Boolean.parseBoolean(value);
                    case "pinned" -> pinned = Boolean.parseBoolean(value);
                    case "tags" -> tags = List.of(value.split("\\s*,\\s*"));
                    default -> throw new IllegalArgumentException("unknown demo article header: " + key);
                }
            }
            out.add(new ArticleDraft(title, summary, parts.length > 1 ? parts[1] : "", category, tags, "vi", List.of(),
                    pinned, featured, null, null, null));
        }
        return out;
    }
}
