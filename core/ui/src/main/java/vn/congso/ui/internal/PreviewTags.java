package vn.congso.ui.internal;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.IndexHtmlRequestListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.congso.api.web.PagePreview;

/**
 * Writes a public page's link preview ({@link vn.congso.api.web.PagePreviewSource}) into the first
 * HTML response: title, description, canonical link, Open Graph and Twitter meta tags, and the
 * page's text in a {@code <noscript>} block, all as escaped text. Chat apps and search engines
 * read these without running the Vaadin client.
 */
final class PreviewTags implements IndexHtmlRequestListener {

    private static final long serialVersionUID = 1L;
    /** The longest path asked about; longer ones are no page of a plugin. */
    private static final int MAX_PATH = 300;
    private final transient BiFunction<String, Locale, Optional<PagePreview>> previews;

    PreviewTags(BiFunction<String, Locale, Optional<PagePreview>> previews) {
        this.previews = previews;
    }

    @Override
    public void modifyIndexHtmlResponse(IndexHtmlResponse response) {
        String path = route(response.getVaadinRequest().getPathInfo());
        if (path == null) {
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        Locale locale = LanguageChoice.of(session);
        previews.apply(path, locale).ifPresent(p -> write(response.getDocument(), p, locale));
    }

    /** The route of a request path: without its leading slash; null when it is no plausible route. */
    static String route(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2 || pathInfo.length() > MAX_PATH) {
            return null;
        }
        String path = pathInfo.substring(1);
        return path.contains("..") || path.contains("//") ? null : path;
    }

    static void write(Document document, PagePreview preview, Locale locale) {
        Element head = document.head();
        document.title(preview.title());
        meta(head, "name", "description", preview.description());
        head.appendElement("link").attr("rel", "canonical").attr("href", preview.url());
        meta(head, "property", "og:type", "article");
        meta(head, "property", "og:title", preview.title());
        meta(head, "property", "og:description", preview.description());
        meta(head, "property", "og:url", preview.url());
        meta(head, "property", "og:locale", "en".equals(locale.getLanguage()) ? "en_US" : "vi_VN");
        boolean image = !preview.imageUrl().isEmpty();
        if (image) {
            meta(head, "property", "og:image", preview.imageUrl());
        }
        meta(head, "name", "twitter:card", image ? "summary_large_image" : "summary");
        meta(head, "name", "twitter:title", preview.title());
        meta(head, "name", "twitter:description", preview.description());
        if (image) {
            meta(head, "name", "twitter:image", preview.imageUrl());
        }
        Element article = document.body().prependElement("noscript").appendElement("article");
        article.attr("class", "congso-preview");
        article.appendElement("h1").text(preview.title());
        if (!preview.description().isEmpty()) {
            article.appendElement("p").text(preview.description());
        }
        for (String paragraph : preview.text().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                article.appendElement("p").text(paragraph.strip());
            }
        }
    }

    private static void meta(Element head, String attribute, String name, String content) {
        head.appendElement("meta").attr(attribute, name).attr("content", content);
    }
}
