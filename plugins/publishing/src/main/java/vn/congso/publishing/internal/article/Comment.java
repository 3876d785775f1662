package vn.congso.publishing.internal.article;

import java.time.Instant;

/**
 * A note between editor and reviewer on an article.
 *
 * @param id its id
 * @param articleId the article
 * @param author who wrote it
 * @param authorName the name shown
 * @param body the text (plain)
 * @param createdAt when
 */
public record Comment(long id, long articleId, String author, String authorName, String body, Instant createdAt) {
}
