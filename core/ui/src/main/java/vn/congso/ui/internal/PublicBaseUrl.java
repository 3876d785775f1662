package vn.congso.ui.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of the platform's public base URL: a configured value is checked once, and without
 * one the base is worked out from a request, believing forwarding headers only from a trusted
 * proxy. Pure functions, so that every rule is unit-tested.
 */
final class PublicBaseUrl {

    /** A host name or IPv4 literal, or a bracketed IPv6 literal, with an optional port. */
    private static final Pattern HOST = Pattern.compile(
            "(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\\.(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?))*"
                    + "|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");

    private PublicBaseUrl() {
    }

    /**
     * Checks a configured public base URL.
     *
     * @param value the configured text, may be null or blank (none)
     * @return the base without a trailing slash, or empty for none
     * @throws IllegalArgumentException when it is not an absolute http or https URL with a
     *     host, or has user information, a query or a fragment
     */
    static String configured(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String text = value.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("publicBaseUrl is not a URL: '" + text + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("publicBaseUrl must start with http:// or https://, was '" + text + "'");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null || !HOST.matcher(uri.getRawAuthority()).matches()) {
            throw new IllegalArgumentException("publicBaseUrl must name a host (and no user), was '" + text + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("publicBaseUrl must have no query or fragment, was '" + text + "'");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path;
    }

    /**
     * The base as the person making a request reached the platform.
     *
     * @param proxies the trusted proxies
     * @param peer the direct peer's address
     * @param secure whether the request counts as HTTPS (a trusted proxy's scheme already applied)
     * @param host the request's {@code Host} header, may be null
     * @param forwarded {@code Forwarded} header lines
     * @param forwardedHost {@code X-Forwarded-Host} header lines
     * @param fallback the base when no usable host is known
     * @return the base without a trailing slash
     */
    static String fromRequest(TrustedProxies proxies, String peer, boolean secure, String host,
            List<String> forwarded, List<String> forwardedHost, String fallback) {
        String chosen = host;
        if (proxies.isTrusted(peer)) {
            // the host the nearest (trusted) proxy was asked for: its own, right-most value
            String claimed = forwarded.isEmpty() ? lastValue(forwardedHost) : forwardedParameter(forwarded, "host");
            if (claimed != null) {
                chosen = claimed;
            }
        }
        if (chosen == null || !HOST.matcher(chosen.strip()).matches()) {
            return fallback;
        }
        return (secure ? "https" : "http") + "://" + chosen.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Appends a path to a base.
     *
     * @param base the base without a trailing slash
     * @param path the path
     * @return the absolute link
     */
    static String absolute(String base, String path) {
        String p = path == null ? "" : path;
        if (p.startsWith("//") || p.matches("(?s)^[A-Za-z][A-Za-z0-9+.-]*:.*") || p.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("not a path of the platform: " + p);
        }
        return base + (p.startsWith("/") || p.isEmpty() ? p : "/" + p);
    }

    private static String lastValue(List<String> lines) {
        String last = null;
        for (String line : lines) {
            for (String value : line.split(",")) {
                if (!value.isBlank()) {
                    last = value.trim();
                }
            }
        }
        return last;
    }

    private static String forwardedParameter(List<String> lines, String name) {
        String last = null;
        for (String line : lines) {
            for (String element : line.split(",")) {
                String value = null;
                for (String pair : element.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase(name)) {
                        value = pair.substring(equals + 1).trim();
                        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                            value = value.substring(1, value.length() - 1);
                        }
                    }
                }
                if (value != null) {
                    last = value;
                }
            }
        }
        return last;
    }
}
