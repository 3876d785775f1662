package vn.congso.api.web;

import java.util.Locale;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by a plugin whose public pages should show a link preview and be readable by search
 * engines from their first HTML response (the Vaadin page itself is drawn by script). For every
 * page request the platform asks each source; the first non-empty answer is written into the page
 * as {@code <title>}, description, canonical link, Open Graph and Twitter meta tags, and its text
 * in a {@code <noscript>} block.
 *
 * <pre>{@code
 * @Component
 * public final class ArticlePreviews implements PagePreviewSource {
 *     public Optional<PagePreview> preview(String path, Locale locale) {
 *         if (!path.startsWith("portal/article/")) return Optional.empty();
 *         ...
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface PagePreviewSource {

    /**
     * The preview of a page, when this source knows the page. Called for every page request,
     * anonymous ones included, so it must be fast and must show only what the public may see.
     *
     * @param path the requested route, relative to the application root and without a leading
     *        {@code /} (for example {@code portal/article/luat-dat-dai}); untrusted input
     * @param locale the page's language
     * @return the preview, or empty when the page is not this source's
     */
    Optional<PagePreview> preview(String path, Locale locale);
}
