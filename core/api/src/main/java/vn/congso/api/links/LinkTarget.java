package vn.congso.api.links;

import java.util.Objects;

/**
 * Something a link can point at.
 *
 * @param kind the source's kind, such as {@link LinkSource#PROCEDURE}
 * @param key its stable key
 * @param title its title in the requested language
 * @param path its route path relative to the application root, without a leading slash, such
 *        as {@code "services/procedure/1.001193"}; turn it into an outside link with
 *        {@link vn.congso.api.web.PublicLinks}
 */
public record LinkTarget(String kind, String key, String title, String path) {

    public LinkTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(path, "path");
        if (path.startsWith("/") || path.contains("://") || path.contains("..")) {
            throw new IllegalArgumentException("path must be a route path relative to the application root: " + path);
        }
    }
}
