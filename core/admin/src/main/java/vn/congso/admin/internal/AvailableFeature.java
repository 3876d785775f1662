package vn.congso.admin.internal;

/**
 * A Karaf feature offered by a configured features repository and not installed yet.
 *
 * @param name the feature name
 * @param version the feature version
 * @param description the feature's description, empty when it has none (the repository author's
 *        text, not translated)
 * @param repository the URI of the repository that offers it
 * @param translated the plugin's own translated {@code Bundle-Description} per language ({@code ""}
 *        for its default file), read from the feature's bundle; empty when it has none
 */
public record AvailableFeature(String name, String version, String description, String repository,
        java.util.Map<String, String> translated) {

    /** Copies the translations (a feature's texts do not change while it is listed). */
    public AvailableFeature {
        translated = java.util.Map.copyOf(translated);
    }

    /**
     * @param locale the reader's language
     * @return the plugin's description in that language (its own file, else its default file),
     *         else the repository's text
     */
    public String description(java.util.Locale locale) {
        String own = translated.get(locale.getLanguage());
        if (own != null) {
            return own;
        }
        return translated.getOrDefault("", description);
    }
}
