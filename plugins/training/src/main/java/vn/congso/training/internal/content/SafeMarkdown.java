package vn.congso.training.internal.content;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;
import vn.congso.training.internal.question.TextFormat;

/**
 * Renders Markdown (with GitHub-style tables) to HTML that is safe to show: after rendering,
 * jsoup keeps only the tags and attributes of its relaxed safelist, so script elements, event
 * handler attributes, styles and {@code javascript:} links never reach the page. Links get
 * {@code rel="nofollow noopener"}. Thread-safe.
 */
public final class SafeMarkdown {

    /** Lets relative links (attachments of a lesson) pass the protocol check unchanged. */
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
                .addEnforcedAttribute("a", "rel", "nofollow noopener");
    }

    /**
     * Renders Markdown.
     *
     * @param markdown the source, may contain HTML
     * @return sanitised HTML
     */
    public String toHtml(String markdown) {
        return sanitise(renderer.render(parser.parse(markdown == null ? "" : markdown)));
    }

    /**
     * Renders a lesson's or question's text in the format it was written in: Markdown is
     * rendered, HTML and Moodle's auto-format (HTML allowed, line breaks kept) are sanitised,
     * plain text is escaped.
     *
     * @param text the text, may be null
     * @param format how it is written
     * @return safe HTML
     */
    public String render(String text, TextFormat format) {
        String source = text == null ? "" : text;
        return switch (format) {
            case MARKDOWN -> toHtml(source);
            case HTML -> sanitise(source);
            case MOODLE -> sanitise(source.replace("\n", "<br>\n"));
            case PLAIN -> Entities.escape(source).replace("\n", "<br>\n");
        };
    }

    /**
     * Sanitises HTML written by a trainer or imported with questions.
     *
     * @param html untrusted HTML
     * @return HTML with only safe tags, attributes and link protocols
     */
    public String sanitise(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html == null ? "" : html, BASE_URI, safelist, output);
    }
}
