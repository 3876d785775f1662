package vn.congso.publishing.internal.article;

import java.time.Instant;
import java.util.List;

/**
 * What an editor saves.
 *
 * @param title the title
 * @param summary the summary
 * @param body the Markdown
 * @param categoryId the category
 * @param tags tags
 * @param language {@code vi} or {@code en}
 * @param procedures related procedure codes
 * @param pinned pinned in its category
 * @param featured featured on the home page
 * @param publishAt publication time or null (now, when published)
 * @param unpublishAt time it leaves the portal, or null
 * @param reviewAt review date, or null
 */
public record ArticleDraft(String title, String summary, String body, String categoryId, List<String> tags,
        String language, List<String> procedures, boolean pinned, boolean featured, Instant publishAt,
        Instant unpublishAt, Instant reviewAt) {

    /** Copies the lists, null as empty. */
    public ArticleDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        procedures = procedures == null ? List.of() : List.copyOf(procedures);
    }

    /**
     * A draft with the content of an article.
     *
     * @param a the article
     * @return its draft
     */
    public static ArticleDraft of(Article a) {
        return new ArticleDraft(a.title(), a.summary(), a.body(), a.categoryId(), a.tags(), a.language(),
                a.procedures(), a.pinned(), a.featured(), a.publishAt(), a.unpublishAt(), a.reviewAt());
    }
}
