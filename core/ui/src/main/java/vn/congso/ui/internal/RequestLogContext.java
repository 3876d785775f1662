package vn.congso.ui.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.RequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import org.slf4j.MDC;
import vn.congso.api.CurrentUser;

/**
 * Puts the signed-in user's name (or {@code anonymous}) and the route into the SLF4J MDC as
 * {@value #USER} and {@value #ROUTE}, so every log line written while serving a Vaadin request
 * or a {@code ui.access} task says who and where ({@code etc/org.ops4j.pax.logging.cfg} prints
 * them). {@link CongSoServlet} clears them after every request. Values are reduced to a safe
 * alphabet, so a crafted path cannot forge log lines.
 */
final class RequestLogContext implements RequestHandler {

    /** The MDC key of the user's name. */
    static final String USER = "user";
    /** The MDC key of the route. */
    static final String ROUTE = "route";
    private static final int MAX_LENGTH = 80;
    private static final long serialVersionUID = 1L;

    private final transient Supplier<CurrentUser> currentUser;

    /**
     * @param currentUser the user of the current session
     */
    RequestLogContext(Supplier<CurrentUser> currentUser) {
        this.currentUser = currentUser;
    }

    /**
     * Runs first among Vaadin's request handlers, once the session is known: binds the user and
     * the route of the UI the request is for (a UIDL or heartbeat request names its UI), else of
     * the requested location or path. Never handles the request itself.
     */
    @Override
    public boolean handleRequest(VaadinSession session, VaadinRequest request, VaadinResponse response) {
        // The session's lock itself, not VaadinSession.lock()/unlock(): reading two fields must not
        // run pending access tasks or push on the way out; the request's own handler does that.
        Lock lock = session.getLockInstance();
        lock.lock();
        try {
            MDC.put(USER, userName(currentUser.get()));
            String route = uiRoute(session, request.getParameter("v-uiId"));
            if (route == null) {
                // Vaadin's bootstrap request names the route it starts on in "location".
                String location = request.getParameter("location");
                route = route(location != null ? location : request.getPathInfo());
            }
            MDC.put(ROUTE, route);
        } finally {
            lock.unlock();
        }
        return false;
    }

    /** The route the given UI shows, or null when there is no such UI. */
    private static String uiRoute(VaadinSession session, String uiId) {
        if (uiId == null || !uiId.matches("\\d{1,9}")) {
            return null;
        }
        UI ui = session.getUIById(Integer.parseInt(uiId));
        return ui == null ? null : route(ui.getInternals().getActiveViewLocation().getPath());
    }

    /**
     * Binds the user of the current session for a {@code ui.access} task; keeps the route of the
     * request it runs in, if any.
     *
     * @param user the current user
     * @return the MDC before, to {@link #restore}
     */
    static Map<String, String> bindForAccess(CurrentUser user) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        MDC.put(USER, userName(user));
        if (MDC.get(ROUTE) == null) {
            MDC.put(ROUTE, "-");
        }
        return before;
    }

    /**
     * Puts back the MDC a task found.
     *
     * @param before the map from {@link #bindForAccess}, possibly null
     */
    static void restore(Map<String, String> before) {
        if (before == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(before);
        }
    }

    /**
     * Records the route a navigation within a request enters (before its guards and views run).
     *
     * @param path the location's path
     */
    static void navigated(String path) {
        MDC.put(ROUTE, route(path));
    }

    /** Removes both keys, after a request. */
    static void clear() {
        MDC.remove(USER);
        MDC.remove(ROUTE);
    }

    /**
     * The user's name for the log.
     *
     * @param user the current user, possibly null
     * @return the user name, or {@code anonymous}
     */
    static String userName(CurrentUser user) {
        return user == null || !user.isAuthenticated() ? "anonymous" : safe(user.id());
    }

    /**
     * A route for the log: a leading slash, then the path, in a safe alphabet.
     *
     * @param path a path or route, possibly null
     * @return such as {@code /notices/notice}
     */
    static String route(String path) {
        String p = path == null ? "" : path;
        return "/" + safe(p.startsWith("/") ? p.substring(1) : p);
    }

    private static String safe(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < MAX_LENGTH; i++) {
            char c = value.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || "/-_.@".indexOf(c) >= 0);
            out.append(plain ? c : '?');
        }
        return out.toString();
    }
}
