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
        for (ArticleDraft d : drafts) {
            Article a = articles.create(d);
            articles.transition(a.id(), Transition.SUBMIT);
            articles.transition(a.id(), Transition.APPROVE);
            articles.transition(a.id(), Transition.PUBLISH);
        }
        return drafts.size();
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
