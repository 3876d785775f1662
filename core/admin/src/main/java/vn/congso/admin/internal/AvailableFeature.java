package vn.congso.admin.internal;

/**
 * A Karaf feature offered by a configured features repository and not installed yet.
 *
 * @param name the feature name
 * @param version the feature version
 * @param description the feature's description, empty when it has none (not translated: it is
 *        the repository author's text)
 * @param repository the URI of the repository that offers it
 */
public record AvailableFeature(String name, String version, String description, String repository) {
}
