package vn.congso.api.links;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Things of one kind that other plugins may link to, registered as an OSGi service. For
 * example the public-services plugin publishes its procedures as kind {@value #PROCEDURE}, and
 * a plugin that publishes articles ends one with "submit online" pointing at the procedure
 * it names, or with nothing when no source of that kind is registered.
 *
 * <p>Only public things are offered: whatever a source returns, an anonymous visitor may open.
 */
@ConsumerType
public interface LinkSource {

    /** The kind of the public-services plugin's procedures; keys are the national procedure codes. */
    String PROCEDURE = "procedure";

    /**
     * The kind of thing this source offers.
     *
     * @return a lower-case word, such as {@value #PROCEDURE}
     */
    String kind();

    /**
     * Looks a thing up by its key.
     *
     * @param key the stable key (a procedure code, an article slug)
     * @param locale the reader's language, for the title
     * @return the link, or empty when there is no such public thing (any more)
     */
    Optional<LinkTarget> resolve(String key, Locale locale);

    /**
     * Finds things whose title matches, for an editor choosing what to link to. Matching is
     * tone-insensitive ("dang ky ket hon" finds "Đăng ký kết hôn").
     *
     * @param query words typed by the editor, maybe empty for the first few
     * @param locale the editor's language
     * @param limit at most this many
     * @return matches, best first
     */
    List<LinkTarget> find(String query, Locale locale, int limit);

    /**
     * The few entry points a portal's home page should show for this kind (the most used
     * procedures, the catalogue), best first.
     *
     * @param locale the reader's language
     * @return entry points, maybe empty
     */
    default List<LinkTarget> entryPoints(Locale locale) {
        return List.of();
    }
}
