package vn.congso.api.web;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Absolute links to the platform as people outside reach it, for everything that leaves the
 * server: a certificate's printed link and QR code, an e-mail, a feed. A plugin never builds
 * such a link from a request itself.
 *
 * <p>The base is {@code publicBaseUrl} of PID {@code vn.congso.ui} when configured. Otherwise
 * it is the address of the request being served: its {@code Host}, and the
 * {@code Forwarded}/{@code X-Forwarded-Host}/{@code X-Forwarded-Proto} headers only when the
 * request came from a configured trusted proxy; outside a request, the address the server
 * listens on.
 */
@ProviderType
public interface PublicLinks {

    /**
     * @return the public base URL, {@code scheme://host[:port][/prefix]}, without a trailing slash
     */
    String base();

    /**
     * An absolute link to a path of the platform.
     *
     * @param path an absolute path such as {@code /notices/verify/ABCD-EFGH-JKMN-PQRS}; a
     *     missing leading slash is added
     * @return the base followed by the path
     * @throws IllegalArgumentException when the path is itself a URL (has a scheme or starts
     *     with {@code //}) or holds white space or control characters
     */
    String absolute(String path);
}
