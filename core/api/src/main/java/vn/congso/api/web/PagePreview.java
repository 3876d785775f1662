package vn.congso.api.web;

import java.util.Objects;

/**
 * What a link to a public page shows before any script runs: the title, description and image of
 * a link preview in a chat app (Open Graph and Twitter meta tags) and the page's text for search
 * engines. The platform writes it into the first HTML response of the page, escaped; a source
 * never writes markup itself.
 *
 * @param title the page's title
 * @param description a short summary (one or two sentences)
 * @param url the page's canonical absolute address ({@link PublicLinks#absolute})
 * @param imageUrl an absolute {@code http(s)} address of an image, or empty for none
 * @param text the page's text, plain; paragraphs separated by blank lines
 */
public record PagePreview(String title, String description, String url, String imageUrl, String text) {

    /** Checks that the addresses are absolute web addresses; nulls become empty. */
    public PagePreview {
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        text = text == null ? "" : text;
        imageUrl = imageUrl == null ? "" : imageUrl;
        if (!isWebAddress(url)) {
            throw new IllegalArgumentException("url must be an absolute http(s) address: " + url);
        }
        if (!imageUrl.isEmpty() && !isWebAddress(imageUrl)) {
            throw new IllegalArgumentException("imageUrl must be an absolute http(s) address: " + imageUrl);
        }
    }

    private static boolean isWebAddress(String value) {
        return value != null && (value.startsWith("https://") || value.startsWith("http://"))
                && value.indexOf('"') < 0 && value.indexOf('<') < 0 && !value.contains(" ");
    }
}
