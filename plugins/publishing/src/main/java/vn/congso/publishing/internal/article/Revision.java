package vn.congso.publishing.internal.article;

import java.time.Instant;

/**
 * A saved version of an article's text (every save keeps one).
 *
 * @param id its id
 * @param articleId the article
 * @param number 1, 2, … per article
 * @param title the title then
 * @param summary the summary then
 * @param body the Markdown then
 * @param savedBy who saved it
 * @param savedAt when
 */
public record Revision(long id, long articleId, int number, String title, String summary, String body,
        String savedBy, Instant savedAt) {
}
