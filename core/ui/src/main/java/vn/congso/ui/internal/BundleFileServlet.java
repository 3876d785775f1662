package vn.congso.ui.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;

/**
 * Serves {@code <mount>/<owner>/<file>} from a bundle folder: a theme's {@code theme/} folder
 * at {@code /themes/<name>/}, a plugin's styles folder at {@code /plugin-styles/<symbolic
 * name>/}. Pages link stylesheets with a version parameter, and every file is revalidated by
 * its bundle's modification time, so an updated bundle restyles on the next page load.
 */
final class BundleFileServlet extends HttpServlet {

    /**
     * A file to serve.
     *
     * @param url where the bundle holds it
     * @param version the bundle's modification time
     */
    record BundleFile(URL url, long version) {
    }

    /** Finds the files one servlet serves. */
    @FunctionalInterface
    interface Folder {
        /**
         * @param owner the first path segment (theme name, plugin's symbolic name)
         * @param path the rest, never empty and never containing {@code ..}
         * @return the file, or empty for 404
         */
        Optional<BundleFile> find(String owner, String path);
    }

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "jpg", "image/jpeg",
            "ico", "image/x-icon",
            "ttf", "font/ttf",
            "woff", "font/woff",
            "woff2", "font/woff2",
            "txt", "text/plain;charset=utf-8");

    private final transient Folder folder;

    BundleFileServlet(Folder folder) {
        this.folder = folder;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.contains("..") || path.contains("\\")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String[] parts = path.substring(1).split("/", 2);
        if (parts.length != 2 || parts[1].isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String extension = parts[1].substring(parts[1].lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        String type = TYPES.get(extension);
        Optional<BundleFile> file = type == null ? Optional.empty() : folder.find(parts[0], parts[1]);
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long modified = file.get().version() / 1000 * 1000;
        long since = request.getDateHeader("If-Modified-Since");
        response.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
        response.setDateHeader("Last-Modified", modified);
        if (since >= modified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(type);
        try (InputStream in = file.get().url().openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
