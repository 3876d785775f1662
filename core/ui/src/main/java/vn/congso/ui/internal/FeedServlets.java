package vn.congso.ui.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Plain HTTP endpoints that plugins contribute for clients that are not browsers (calendar
 * subscriptions, news feeds): a plugin registers a {@code jakarta.servlet.Servlet} service with
 * the property {@value #PROPERTY} = a name of lower-case letters, digits and dashes, and requests
 * to {@code /feeds/<name>/...} reach it (path info {@code /...}). No session, no signed-in user:
 * the servlet authorises by what the address carries (an unguessable token). Routing follows the
 * services, so a plugin's endpoint comes and goes with its bundle. The servlet is not initialised
 * by the container: it must not rely on {@code getServletConfig()}.
 */
final class FeedServlets extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The service property naming the endpoint. */
    static final String PROPERTY = "congso.feed";
    /** Where the endpoints are mounted. */
    static final String MOUNT = "/feeds";
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");

    private final transient ServiceTracker<Servlet, Servlet> tracker;
    private final transient Function<String, Optional<Servlet>> finder;

    FeedServlets(BundleContext context) {
        try {
            tracker = new ServiceTracker<>(context,
                    context.createFilter("(&(objectClass=" + Servlet.class.getName() + ")(" + PROPERTY + "=*))"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        finder = this::find;
    }

    /** For tests: endpoints found by name without a framework. */
    FeedServlets(Function<String, Optional<Servlet>> finder) {
        this.tracker = null;
        this.finder = finder;
    }

    void open() {
        if (tracker != null) {
            tracker.open();
        }
    }

    void close() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        int slash = path.indexOf('/', 1);
        String name = slash < 0 ? path.substring(1) : path.substring(1, slash);
        Optional<Servlet> target = NAME.matcher(name).matches() ? finder.apply(name) : Optional.empty();
        if (target.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String rest = slash < 0 ? "" : path.substring(slash);
        target.get().service(new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public String getPathInfo() {
                return rest;
            }

            @Override
            public String getServletPath() {
                return MOUNT + "/" + name;
            }
        }, response);
    }

    /** The servlet registered under a name, if its bundle is there. */
    private Optional<Servlet> find(String name) {
        ServiceReference<Servlet>[] references = tracker.getServiceReferences();
        if (references == null) {
            return Optional.empty();
        }
        for (ServiceReference<Servlet> reference : references) {
            if (name.equals(reference.getProperty(PROPERTY))) {
                return Optional.ofNullable(tracker.getService(reference));
            }
        }
        return Optional.empty();
    }
}
