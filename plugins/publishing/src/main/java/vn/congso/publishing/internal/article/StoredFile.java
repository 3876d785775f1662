package vn.congso.publishing.internal.article;

/**
 * A file of an article: a cover width ({@code cover-400}, …) or an attachment.
 *
 * @param id its id
 * @param articleId the article
 * @param kind {@code cover-<width>} or {@code attachment}
 * @param name the name to save it under
 * @param mediaType the media type found by sniffing
 * @param size its size in bytes
 */
public record StoredFile(long id, long articleId, String kind, String name, String mediaType, long size) {
}
