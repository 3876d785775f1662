package vn.congso.api.web;

import java.util.Objects;
import java.util.Set;

/**
 * A file a {@link PublicResourceSource} serves to anyone: a feed, an image, a printable PDF.
 *
 * @param mediaType one of {@link #MEDIA_TYPES}
 * @param content the bytes
 * @param fileName the name a browser saves it under (served as an attachment), or empty to show
 *        it inline
 * @param maxAgeSeconds how long caches may keep it (0: revalidate every time)
 */
public record PublicResource(String mediaType, byte[] content, String fileName, int maxAgeSeconds) {

    /** The media types the platform serves from plugins; anything that runs script is not among them. */
    public static final Set<String> MEDIA_TYPES = Set.of("application/rss+xml;charset=utf-8",
            "application/atom+xml;charset=utf-8", "image/jpeg", "image/png", "image/gif", "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/plain;charset=utf-8",
            "text/calendar;charset=utf-8");

    /** Checks the media type, the name and the age. */
    public PublicResource {
        Objects.requireNonNull(content, "content");
        fileName = fileName == null ? "" : fileName;
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new IllegalArgumentException("media type not served from plugins: " + mediaType);
        }
        if (!fileName.matches("[A-Za-z0-9._-]{0,120}")) {
            throw new IllegalArgumentException("file name must be ASCII letters, digits, '.', '_' or '-': " + fileName);
        }
        if (maxAgeSeconds < 0) {
            throw new IllegalArgumentException("maxAgeSeconds < 0");
        }
    }
}
