package vn.congso.training.internal.exchange;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Category paths as Moodle writes them, made relative to the category an import goes into. */
final class Categories {

    /** Moodle's context prefix, for instance {@code $course$/} or {@code $system$/}. */
    private static final Pattern CONTEXT = Pattern.compile("^\\$[a-z0-9]*\\$/");
    private static final String TOP = "top";

    private Categories() {
    }

    /**
     * Normalises a path: without Moodle's context and {@code top} prefixes, without empty
     * segments or white space around segments.
     *
     * @param path the path as written, may be null
     * @return the normalised path, empty for the top category
     */
    static String normalise(String path) {
        if (path == null) {
            return "";
        }
        String relative = CONTEXT.matcher(path.strip()).replaceFirst("");
        String joined = Arrays.stream(relative.split("/")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("/"));
        if (joined.equals(TOP)) {
            return "";
        }
        return joined.startsWith(TOP + "/") ? joined.substring(TOP.length() + 1) : joined;
    }
}
