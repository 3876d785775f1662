package vn.congso.publishing.internal.article;

import java.util.Set;

/**
 * A step of the editorial workflow, the states it leaves from, the state it reaches and the
 * permission it needs. {@link #PUBLISH} reaches {@link ArticleState#SCHEDULED} instead when the
 * article's publication time is in the future (see {@link Workflow#target}).
 */
public enum Transition {
    /** The editor hands the draft to the reviewers. */
    SUBMIT(Set.of(ArticleState.DRAFT), ArticleState.IN_REVIEW, PublishingPermissions.SUBMIT),
    /** The reviewer sends it back to the editor. */
    RETURN(Set.of(ArticleState.IN_REVIEW, ArticleState.APPROVED), ArticleState.DRAFT, PublishingPermissions.REVIEW),
    /** The reviewer approves it. */
    APPROVE(Set.of(ArticleState.IN_REVIEW), ArticleState.APPROVED, PublishingPermissions.REVIEW),
    /** The publisher puts it on the portal, now or at its publication time. */
    PUBLISH(Set.of(ArticleState.APPROVED), ArticleState.PUBLISHED, PublishingPermissions.PUBLISH),
    /** The publisher cancels a scheduled publication. */
    UNSCHEDULE(Set.of(ArticleState.SCHEDULED), ArticleState.APPROVED, PublishingPermissions.PUBLISH),
    /** The publisher takes it off the portal. */
    ARCHIVE(Set.of(ArticleState.PUBLISHED, ArticleState.APPROVED), ArticleState.ARCHIVED, PublishingPermissions.PUBLISH),
    /** An editor starts a new version of an archived article. */
    REOPEN(Set.of(ArticleState.ARCHIVED), ArticleState.DRAFT, PublishingPermissions.EDIT);

    private final Set<ArticleState> from;
    private final ArticleState to;
    private final String permission;

    Transition(Set<ArticleState> from, ArticleState to, String permission) {
        this.from = from;
        this.to = to;
        this.permission = permission;
    }

    /** @return the states this step leaves from */
    public Set<ArticleState> from() {
        return from;
    }

    /** @return the state it reaches (see {@link Workflow#target}) */
    public ArticleState to() {
        return to;
    }

    /** @return the permission it needs */
    public String permission() {
        return permission;
    }
}
