package vn.congso.publishing.internal.content;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Renders an article's Markdown (with GitHub-style tables) to HTML that is safe to show, the
 * approach of the training plugin: after rendering, jsoup keeps only the tags and attributes of
 * its relaxed safelist, so script, iframe, object and style elements, event handler attributes
 * and {@code javascript:}/{@code data:} links never reach the page. Links get
 * {@code rel="nofollow noopener"}. Thread-safe.
 */
public final class SafeMarkdown {

    /** Lets relative links (an article's attachments) pass the protocol check unchanged. */
    private static final String BASE_URI = "https://congso.invalid/";

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Safelist safelist;

    /** Creates a renderer. */
    public SafeMarkdown() {
        List<Extension> extensions = List.of(TablesExtension.create());
        parser = Parser.builder().extensions(extensions).build();
        renderer = HtmlRenderer.builder().extensions(extensions).build();
        safelist = Safelist.relaxed().preserveRelativeLinks(true)
                .removeProtocols("img", "src", "http")
                .addEnforcedAttribute("a", "rel", "nofollow noopener");
    }

    /**
     * Renders Markdown.
     *
     * @param markdown the source, may contain HTML, may be null
     * @return sanitised HTML
     */
    public String toHtml(String markdown) {
        return sanitise(renderer.render(parser.parse(markdown == null ? "" : markdown)));
    }

    /**
     * The text of rendered Markdown without any markup (for search, feeds and link previews).
     *
     * @param markdown the source
     * @return plain text, whitespace collapsed
     */
    public String toText(String markdown) {
        return Jsoup.parseBodyFragment(toHtml(markdown)).text();
    }

    /**
     * Sanitises HTML.
     *
     * @param html untrusted HTML
     * @return HTML with only safe tags, attributes and link protocols
     */
    public String sanitise(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html == null ? "" : html, BASE_URI, safelist, output);
    }
}
