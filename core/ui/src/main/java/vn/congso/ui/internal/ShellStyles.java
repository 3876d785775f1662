package vn.congso.ui.internal;

import java.util.Optional;
import org.osgi.framework.Bundle;

/**
 * The shell's own stylesheet and fonts, from this bundle's {@value #FOLDER} folder: the layout
 * every theme shares (themes are tokens only). Served at {@code /shell/<version>/…}, where the
 * version is this bundle's modification time, so an updated core/ui restyles on the next page
 * load and the files can be cached in between.
 */
final class ShellStyles {

    /** URL prefix, below the context root, and the bundle folder it serves. */
    static final String MOUNT = "shell";
    private static final String FOLDER = "shell";
    private static final String STYLESHEET = "shell.css";

    private final Bundle bundle;

    ShellStyles(Bundle bundle) {
        this.bundle = bundle;
    }

    /** The stylesheet's address, relative to the context root. */
    String href() {
        return MOUNT + "/" + bundle.getLastModified() + "/" + STYLESHEET;
    }

    /**
     * @param version the version segment of the address (any: a page from before an update
     *        still gets today's files)
     * @param path the file below the folder
     * @return the file, or empty for 404
     */
    Optional<BundleFileServlet.BundleFile> file(String version, String path) {
        return Optional.ofNullable(bundle.getEntry(FOLDER + "/" + path))
                .map(url -> new BundleFileServlet.BundleFile(url, bundle.getLastModified()));
    }
}
