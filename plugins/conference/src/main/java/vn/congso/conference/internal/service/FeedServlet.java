package vn.congso.conference.internal.service;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The subscribable calendar feeds at {@code /feeds/conference/<token>.ics} (the platform's
 * {@code congso.feed} endpoints): no sign-in, the unguessable token is the authorisation; an
 * unknown, malformed or revoked token is a plain 404 that says nothing about why.
 */
@Component(service = Servlet.class, property = "congso.feed=" + FeedServlet.NAME)
public final class FeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The endpoint's name: feeds are at {@code /feeds/conference/...}. */
    public static final String NAME = "conference";
    /** The path of a token's feed, below the platform's public base address. */
    public static final String PATH = "/feeds/" + NAME + "/";

    private final transient ConferenceService service;

    /**
     * Receives the service.
     *
     * @param service the conference service
     */
    @Activate
    public FeedServlet(@Reference ConferenceService service) {
        this.service = service;
    }

    /**
     * The address path of a token's feed.
     *
     * @param token the token
     * @return e.g. {@code /feeds/conference/AbC….ics}
     */
    public static String path(String token) {
        return PATH + token + ".ics";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<String> feed = Optional.empty();
        if (path != null && path.startsWith("/") && path.endsWith(".ics")) {
            feed = service.feed(path.substring(1, path.length() - ".ics".length()));
        }
        if (feed.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = feed.get().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/calendar; charset=UTF-8");
        response.setHeader("Cache-Control", "private, no-cache");
        response.setHeader("Content-Disposition", "inline; filename=\"lich-hop.ics\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
