package vn.congso.ui.internal;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.RequestHandler;
import com.vaadin.flow.server.VaadinSession;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The Vaadin service of the shell: knows the {@link Platform}, creates views through their
 * contributions, and finds static resources inside the bundle, which embedded Jetty does not
 * serve from the embedded jars' {@code META-INF/resources}.
 */
final class CongSoVaadinService extends VaadinServletService {

    private static final long serialVersionUID = 1L;
    private final transient Platform platform;

    CongSoVaadinService(VaadinServlet servlet, DeploymentConfiguration configuration, Platform platform) {
        super(servlet, configuration);
        this.platform = platform;
        FlowCaches.track(this);
    }

    Platform platform() {
        return platform;
    }

    @Override
    protected Instantiator createInstantiator() throws ServiceException {
        return new CongSoInstantiator(this, platform);
    }

    /** Adds the log context, last, so that it runs first (Vaadin calls handlers in reverse order). */
    @Override
    protected List<RequestHandler> createRequestHandlers() throws ServiceException {
        List<RequestHandler> handlers = super.createRequestHandlers();
        handlers.add(new RequestLogContext(platform::currentUser));
        return handlers;
    }

    /** Every {@code ui.access} task logs under the session's user. */
    @Override
    public Future<Void> accessSession(VaadinSession session, Command command) {
        return super.accessSession(session, () -> {
            Map<String, String> before = RequestLogContext.bindForAccess(platform.currentUser());
            try {
                command.execute();
            } finally {
                RequestLogContext.restore(before);
            }
        });
    }

    @Override
    public URL getStaticResource(String path) {
        URL url = super.getStaticResource(path);
        if (url != null || path == null || path.contains("..")) {
            return url;
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return CongSoVaadinService.class.getClassLoader().getResource("META-INF/resources/" + relative);
    }
}
