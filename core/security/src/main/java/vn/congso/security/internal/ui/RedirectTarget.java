package vn.congso.security.internal.ui;

import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Where the sign-in page may send a browser afterwards. The value comes from the request
 * ({@code /login?redirect=…}), so it is trusted only when it is the relative path of a route
 * the platform has registered, optionally followed by a plain query: no scheme, no authority,
 * no backslash, no control or white-space characters, no percent-encoding in the path, no
 * fragment, no dot segments. Anything else means the home page. An allow-list of characters and
 * a registered route, rather than a list of known tricks: {@code javascript:}, {@code //host},
 * {@code /\host}, {@code https:host}, {@code %6Aavascript:} and {@code \t//host} all fail the
 * character rules before the route is even looked up.
 */
final class RedirectTarget {

    /** Longer values are refused outright (a route plus a short query is far shorter). */
    static final int MAX_LENGTH = 512;

    /**
     * One path segment: letters, digits and the unreserved marks, nothing a browser reinterprets;
     * it cannot start with a dot, so dot segments are refused too.
     */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_~\\-][A-Za-z0-9._~\\-]*");

    /** A query already encoded the way Vaadin encodes it (no '#', '/', '\', ':' or spaces). */
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._~\\-=&%+]*");

    /** Routes that must never be the target: going there after signing in would loop or sign out. */
    private static final Set<String> NEVER = Set.of("login", "logout");

    private RedirectTarget() {
    }

    /**
     * @param raw the requested target, possibly null or hostile
     * @param isRoute tells whether a path (without query, without leading slash) is a registered route
     * @return a relative URL to go to after signing in, or the empty string for the home page
     */
    static String sanitize(String raw, Predicate<String> isRoute) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return "";
        }
        String value = raw;
        // One leading slash is how Vaadin writes a location; it must be followed by a segment.
        if (value.charAt(0) == '/') {
            value = value.substring(1);
        }
        int question = value.indexOf('?');
        String path = question < 0 ? value : value.substring(0, question);
        String query = question < 0 ? "" : value.substring(question + 1);
        if (path.isEmpty() || !QUERY.matcher(query).matches()) {
            return "";
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) { // also refuses "", "." and ".." 
                return "";
            }
        }
        if (NEVER.contains(path) || !isRoute.test(path)) {
            return "";
        }
        return query.isEmpty() ? path : path + "?" + query;
    }
}
