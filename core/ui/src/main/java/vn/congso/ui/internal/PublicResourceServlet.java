package vn.congso.ui.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.TranslationService;
import vn.congso.api.web.PublicResource;
import vn.congso.api.web.PublicResourceSource;

/**
 * {@code GET /pub/<name>/<path>}: the files plugins serve to anyone ({@link PublicResourceSource}),
 * with the media type the plugin names from an allow-list, {@code nosniff}, and as an attachment
 * when it has a file name.
 */
final class PublicResourceServlet extends HttpServlet {

    /** Where the servlet is mounted. */
    static final String MOUNT = "pub";
    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");
    private static final Logger LOG = LoggerFactory.getLogger(PublicResourceServlet.class);

    /** Finds a source by its name. */
    @FunctionalInterface
    interface Sources {
        Optional<PublicResourceSource> named(String name);
    }

    private final transient Sources sources;

    PublicResourceServlet(Sources sources) {
        this.sources = sources;
    }

    /** The plugins' sources, tracked. */
    static final class Tracked implements Sources {
        private final ServiceTracker<PublicResourceSource, PublicResourceSource> tracker;

        Tracked(BundleContext context) {
            tracker = new ServiceTracker<>(context, PublicResourceSource.class, null);
        }

        void open() {
            tracker.open();
        }

        void close() {
            tracker.close();
        }

        @Override
        public Optional<PublicResourceSource> named(String name) {
            Object[] all = tracker.getServices();
            if (all == null) {
                return Optional.empty();
            }
            for (Object source : all) {
                if (name.equals(((PublicResourceSource) source).name())) {
                    return Optional.of((PublicResourceSource) source);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Splits {@code /<name>/<path>}; empty when either part is malformed (dot segments included).
     */
    static Optional<String[]> split(String pathInfo) {
        if (pathInfo == null || pathInfo.length() > 400 || !pathInfo.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = pathInfo.substring(1).split("/", 2);
        if (parts.length != 2 || !NAME.matcher(parts[0]).matches() || !PATH.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        for (String segment : parts[1].split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(parts);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String[]> parts = split(request.getPathInfo());
        Optional<PublicResourceSource> source = parts.flatMap(p -> sources.named(p[0]));
        if (source.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Locale locale = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : TranslationService.VIETNAMESE;
        Optional<PublicResource> resource;
        try {
            resource = source.get().get(parts.get()[1], locale);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Public resource /{}/{}/{} failed", MOUNT, parts.get()[0], parts.get()[1], e);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        if (resource.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PublicResource r = resource.get();
        response.setContentType(r.mediaType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", r.maxAgeSeconds() == 0 ? "private, no-cache" : "public, max-age=" + r.maxAgeSeconds());
        if (!r.fileName().isEmpty()) {
            response.setHeader("Content-Disposition", "attachment; filename=\"" + r.fileName() + "\"");
        }
        response.setContentLength(r.content().length);
        response.getOutputStream().write(r.content());
    }
}
