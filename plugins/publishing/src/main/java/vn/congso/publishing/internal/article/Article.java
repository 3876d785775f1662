package vn.congso.publishing.internal.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as stored.
 *
 * @param id its id
 * @param slug its URL segment (folded from the title when first saved, then stable)
 * @param title the title
 * @param summary the summary (link previews, lists, feeds)
 * @param body the Markdown source
 * @param categoryId the category's id
 * @param tags free tags
 * @param language {@code vi} or {@code en}
 * @param author the author's account
 * @param authorName the author's name as shown
 * @param coverId the cover image's file id, or 0
 * @param procedures codes of related online procedures (links of kind "procedure")
 * @param pinned shown first in its category
 * @param featured shown on the home page
 * @param state its workflow state
 * @param publishAt when it is (to be) published, may be null
 * @param unpublishAt when it leaves the portal, may be null
 * @param reviewAt when its content should be checked again, may be null
 * @param version the optimistic-lock version, raised at every save
 * @param updatedAt last change
 * @param views how often the public article page was opened
 */
public record Article(long id, String slug, String title, String summary, String body, String categoryId,
        List<String> tags, String language, String author, String authorName, long coverId, List<String> procedures,
        boolean pinned, boolean featured, ArticleState state, Instant publishAt, Instant unpublishAt, Instant reviewAt,
        int version, Instant updatedAt, long views) {

    /** Copies the lists. */
    public Article {
        tags = List.copyOf(tags);
        procedures = List.copyOf(procedures);
    }
}
