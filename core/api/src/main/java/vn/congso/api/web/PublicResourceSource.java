package vn.congso.api.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by a plugin that serves files to anyone without a Vaadin page: RSS and Atom feeds,
 * the images a link preview shows, a printable PDF. The platform answers
 * {@code GET /pub/<name>/<path>} by asking the source whose {@link #name()} is {@code <name>};
 * {@code <path>} never contains {@code ..}, a backslash or an empty segment. An empty answer is a
 * 404. The source decides what is public: it is asked for anonymous requests.
 */
@ConsumerType
public interface PublicResourceSource {

    /**
     * @return the first path segment this source answers under {@code /pub/}: lower-case letters,
     *         digits and {@code -}, usually the plugin's name
     */
    String name();

    /**
     * @param path the rest of the request path, without a leading {@code /}; untrusted input
     * @param locale the language asked for with {@code ?lang=en} (Vietnamese otherwise)
     * @return the file, or empty for "not found"
     * @throws IOException when the file cannot be made (a 500 for the requester, logged)
     */
    Optional<PublicResource> get(String path, Locale locale) throws IOException;
}
