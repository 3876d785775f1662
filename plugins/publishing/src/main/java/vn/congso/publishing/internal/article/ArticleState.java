package vn.congso.publishing.internal.article;

/** Where an article is in the editorial workflow. */
public enum ArticleState {
    /** Being written; only editors see it. */
    DRAFT,
    /** Submitted; a reviewer approves it or sends it back. */
    IN_REVIEW,
    /** Approved; a publisher publishes it now or at a time. */
    APPROVED,
    /** Approved and waiting for its publication time. */
    SCHEDULED,
    /** On the public portal. */
    PUBLISHED,
    /** Taken off the portal (by hand or at its unpublish time); kept. */
    ARCHIVED
}
