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
import vn.congso.api.PlatformHeaders;

/**
 * Serves {@code /themes/<name>/<file>} from the theme bundle's {@code theme/} folder. Pages
 * link the stylesheet with a version parameter, and every file is revalidated by its
 * bundle's modification time, so an updated theme bundle restyles on the next page load.
 */
final class ThemeServlet extends HttpServlet {

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

    private final transient Themes themes;

    ThemeServlet(Themes themes) {
        this.themes = themes;
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
        Optional<Themes.Theme> theme = themes.byName(parts[0]);
        URL file = theme.isEmpty() || type == null ? null
                : theme.get().bundle().getEntry(PlatformHeaders.THEME_PATH + "/" + parts[1]);
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long modified = theme.get().version() / 1000 * 1000;
        long since = request.getDateHeader("If-Modified-Since");
        response.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
        response.setDateHeader("Last-Modified", modified);
        if (since >= modified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(type);
        try (InputStream in = file.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
