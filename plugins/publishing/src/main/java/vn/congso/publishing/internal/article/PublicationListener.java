package vn.congso.publishing.internal.article;

/** Told when an article appears on or leaves the public portal (the search index listens). */
public interface PublicationListener {

    /**
     * An article is on the portal now (newly, or its published content changed).
     *
     * @param article the article
     */
    void published(Article article);

    /**
     * An article left the portal.
     *
     * @param articleId its id
     */
    void withdrawn(long articleId);
}
