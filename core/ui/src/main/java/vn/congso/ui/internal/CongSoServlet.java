package vn.congso.ui.internal;

import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.StaticFileHandler;
import com.vaadin.flow.server.StaticFileServer;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The Vaadin servlet: runs every request with the bundle's class loader as context class
 * loader (Vaadin and Atmosphere load classes through it), applies the visitor's language to
 * each new UI, and serves the prebuilt front-end files, whose names carry a content hash,
 * with a one-year cache lifetime.
 */
final class CongSoServlet extends VaadinServlet {

    private static final long serialVersionUID = 1L;
    private static final int ONE_YEAR_SECONDS = 31_536_000;
    private final transient Platform platform;

    CongSoServlet(Platform platform) {
        this.platform = platform;
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
            throws ServiceException {
        CongSoVaadinService service = new CongSoVaadinService(this, configuration, platform);
        service.init();
        return service;
    }

    @Override
    protected void servletInitialized() throws ServletException {
        super.servletInitialized();
        getService().addUIInitListener(event -> {
            LanguageChoice.apply(event.getUI());
            // First, so that the guard and the view log under the route being entered.
            event.getUI().addBeforeEnterListener(enter -> RequestLogContext.navigated(enter.getLocation().getPath()));
            event.getUI().addBeforeEnterListener(new AccessGuard(platform));
            // A plugin's own stylesheet, linked once per tab (Vaadin sends each dependency once).
            event.getUI().addBeforeEnterListener(enter -> platform.pluginStyles().href(enter.getNavigationTarget())
                    .ifPresent(href -> enter.getUI().getPage().addStyleSheet(href)));
        });
    }

    @Override
    protected StaticFileHandler createStaticFileHandler(VaadinService vaadinService) {
        return new StaticFileServer(vaadinService) {
            private static final long serialVersionUID = 1L;

            @Override
            protected int getCacheTime(String filenameWithPath) {
                if (filenameWithPath != null && filenameWithPath.contains("/VAADIN/build/")) {
                    return ONE_YEAR_SECONDS;
                }
                return super.getCacheTime(filenameWithPath);
            }
        };
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CongSoServlet.class.getClassLoader());
        try {
            // Every text from the browser in one Unicode form (NfcRequests).
            java.util.Optional<HttpServletRequest> normalised = NfcRequests.normalised(request);
            if (normalised.isEmpty()) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            super.service(normalised.get(), response);
        } finally {
            RequestLogContext.clear();
            thread.setContextClassLoader(previous);
        }
    }
}
