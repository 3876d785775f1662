package vn.congso.conference.internal.domain;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Renders an agenda's Markdown to HTML that is safe to show (the training plugin's approach):
 * commonmark renders, then jsoup keeps only its relaxed safelist, so scripts, event handlers,
 * styles and {@code javascript:} links never reach the page. Thread-safe.
 */
public final class SafeMarkdown {

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Safelist safelist;

    /** Creates a renderer. */
    public SafeMarkdown() {
        List<Extension> extensions = List.of(TablesExtension.create());
        parser = Parser.builder().extensions(extensions).build();
        renderer = HtmlRenderer.builder().extensions(extensions).build();
        safelist = Safelist.relaxed().addEnforcedAttribute("a", "rel", "nofollow noopener");
    }

    /**
     * Renders Markdown.
     *
     * @param markdown the source, may contain HTML, may be null
     * @return sanitised HTML
     */
    public String toHtml(String markdown) {
        return Jsoup.clean(renderer.render(parser.parse(markdown == null ? "" : markdown)), safelist);
    }

    /**
     * Renders Markdown as well-formed XHTML, for PDF templates.
     *
     * @param markdown the source, may be null
     * @return sanitised XHTML
     */
    public String toXhtml(String markdown) {
        org.jsoup.nodes.Document document = Jsoup.parseBodyFragment(toHtml(markdown));
        document.outputSettings().syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml)
                .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml).prettyPrint(false);
        return document.body().html();
    }
}
