package vn.congso.publishing.internal.search;

import java.time.Instant;

/**
 * One search result.
 *
 * @param articleId the article
 * @param slug its URL segment
 * @param title its title
 * @param snippetHtml a passage with the matched words in {@code <mark>}, the rest HTML-escaped
 * @param categoryId its category
 * @param publishedAt when it was published
 */
public record SearchHit(long articleId, String slug, String title, String snippetHtml, String categoryId,
        Instant publishedAt) {
}
