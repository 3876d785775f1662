package vn.congso.publishing.internal.search;

import java.util.List;

/**
 * A page of search results.
 *
 * @param total how many articles matched
 * @param hits the page's hits, best first
 */
public record SearchResult(long total, List<SearchHit> hits) {

    /** Copies the list. */
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
