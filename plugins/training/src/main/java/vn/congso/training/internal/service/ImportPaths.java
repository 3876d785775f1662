package vn.congso.training.internal.service;

/** Joins category paths the way imports do: the file's categories go below the one chosen. */
final class ImportPaths {

    private ImportPaths() {
    }

    /**
     * Joins a target category and a relative path.
     *
     * @param target the category chosen for the import
     * @param relative the path from the file, possibly empty
     * @return the full path
     */
    static String join(String target, String relative) {
        if (relative == null || relative.isEmpty()) {
            return target;
        }
        return target.isEmpty() ? relative : target + "/" + relative;
    }
}
