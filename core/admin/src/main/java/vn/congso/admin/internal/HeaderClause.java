package vn.congso.admin.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Version;

/**
 * One clause of an OSGi manifest header such as {@code Import-Package}: its paths (names), typed
 * attributes and directives. Parses the OSGi Core common header syntax, with quoted values and
 * typed attributes ({@code version:Version="1.0"}, {@code objectClass:List<String>="a,b"}).
 *
 * @param paths the names before the first attribute, e.g. package names
 * @param attributes attribute values: {@link String}, {@link Version}, {@link Long}, {@link Double} or a {@link List}
 * @param directives directive values ({@code resolution}, {@code filter}, {@code effective} …)
 */
record HeaderClause(List<String> paths, Map<String, Object> attributes, Map<String, String> directives) {

    /**
     * Parses a whole header.
     *
     * @param header the header value, may be null
     * @return its clauses, empty for a null or blank header
     * @throws IllegalArgumentException when the header is malformed
     */
    static List<HeaderClause> parse(String header) {
        List<HeaderClause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            if (clause.isBlank()) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            Map<String, Object> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                String p = part.trim();
                int directive = indexOutsideQuotes(p, ":=");
                int equals = indexOutsideQuotes(p, "=");
                if (directive > 0 && directive + 1 == equals) {
                    directives.put(p.substring(0, directive).trim(), unquote(p.substring(directive + 2)));
                } else if (equals > 0) {
                    String key = p.substring(0, equals).trim();
                    String value = unquote(p.substring(equals + 1));
                    int colon = key.indexOf(':');
                    if (colon > 0) {
                        attributes.put(key.substring(0, colon).trim(), typed(key.substring(colon + 1).trim(), value));
                    } else {
                        attributes.put(key, value);
                    }
                } else if (!p.isEmpty()) {
                    if (!attributes.isEmpty() || !directives.isEmpty()) {
                        throw new IllegalArgumentException("path after attributes in clause: " + clause);
                    }
                    paths.add(p);
                }
            }
            clauses.add(new HeaderClause(List.copyOf(paths), attributes, directives));
        }
        return clauses;
    }

    /**
     * The first path, the clause's name.
     *
     * @return the name
     */
    String name() {
        return paths.isEmpty() ? "" : paths.get(0);
    }

    /**
     * A directive's value.
     *
     * @param name the directive
     * @param otherwise the default
     * @return its value or the default
     */
    String directive(String name, String otherwise) {
        return directives.getOrDefault(name, otherwise);
    }

    private static Object typed(String type, String value) {
        return switch (type) {
            case "Version" -> Version.parseVersion(value);
            case "Long" -> Long.valueOf(value.trim());
            case "Double" -> Double.valueOf(value.trim());
            case "String" -> value;
            default -> {
                if (type.startsWith("List")) {
                    String element = type.contains("<") ? type.substring(type.indexOf('<') + 1, type.indexOf('>')) : "String";
                    yield Arrays.stream(value.split(",")).map(String::trim).map(v -> typed(element, v)).toList();
                }
                throw new IllegalArgumentException("unknown attribute type " + type);
            }
        };
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static int indexOutsideQuotes(String s, String token) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && s.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unbalanced quotes: " + s);
        }
        parts.add(current.toString());
        return parts;
    }
}
