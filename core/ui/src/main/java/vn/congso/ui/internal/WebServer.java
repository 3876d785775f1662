package vn.congso.ui.internal;

import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.ui.internal.ui.AccessDeniedView;
import vn.congso.ui.internal.ui.AppShell;
import vn.congso.ui.internal.ui.HomeView;
import vn.congso.ui.internal.ui.MainLayout;
import vn.congso.ui.internal.ui.NotFoundView;

/**
 * Embedded Jetty 12 running the Vaadin servlet and the theme servlet. Vaadin's servlet
 * container initialisers are not discovered inside OSGi, so they are called here. Every
 * response passes {@link SecurityHeaders}; the client address and scheme come from
 * {@link TrustedProxies}.
 */
final class WebServer {

    private final Logger log = LoggerFactory.getLogger(WebServer.class);
    private final Platform platform;
    private final UiConfig config;
    private Server server;

    WebServer(Platform platform, UiConfig config) {
        this.platform = platform;
        this.config = config;
    }

    @SuppressWarnings("deprecation")
    void start() throws Exception {
        long started = System.nanoTime();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader bundleLoader = WebServer.class.getClassLoader();
        thread.setContextClassLoader(bundleLoader);
        try {
            QueuedThreadPool threads = new QueuedThreadPool(200, 4);
            threads.setName("congso-http");
            server = new Server(threads);
            ServerConnector connector = new ServerConnector(server,
                    new HttpConnectionFactory(httpConfiguration(config.trustedProxies())));
            connector.setHost(config.host());
            connector.setPort(config.port());
            server.addConnector(connector);

            ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
            context.setContextPath("/");
            context.setClassLoader(bundleLoader);
            context.getSessionHandler().setMaxInactiveInterval(config.sessionTimeoutMinutes() * 60);
            context.getSessionHandler().setHttpOnly(true);
            context.getSessionHandler().setSameSite(org.eclipse.jetty.http.HttpCookie.SameSite.LAX);
            context.addEventListener(new VaadinInitializer());

            context.addServlet(new ServletHolder("themes", new BundleFileServlet(platform.themes()::file)), "/themes/*");
            context.addServlet(new ServletHolder(ShellStyles.MOUNT,
                    new BundleFileServlet(platform.shellStyles()::file)), "/" + ShellStyles.MOUNT + "/*");
            context.addServlet(new ServletHolder(PluginStyles.MOUNT,
                    new BundleFileServlet(platform.pluginStyles()::file)), "/" + PluginStyles.MOUNT + "/*");
            context.addServlet(new ServletHolder(PublicResourceServlet.MOUNT,
                    new PublicResourceServlet(platform.publicResources())), "/" + PublicResourceServlet.MOUNT + "/*");
            context.addServlet(new ServletHolder("health", new HealthServlet(platform.healthChecks()::current,
                    config.trustedProxies())), "/health");
            ServletHolder vaadin = new ServletHolder("vaadin", new CongSoServlet(platform));
            vaadin.setInitParameter("productionMode", "true");
            vaadin.setInitParameter("heartbeatInterval", Integer.toString(config.heartbeatSeconds()));
            vaadin.setInitParameter("closeIdleSessions", "true");
            vaadin.setAsyncSupported(true);
            vaadin.setInitOrder(1);
            context.addServlet(vaadin, "/*");

            GzipHandler gzip = new GzipHandler();
            gzip.setMinGzipSize(1024);
            gzip.setIncludedMimeTypes("text/html", "text/css", "application/javascript", "text/javascript",
                    "application/json", "image/svg+xml", "font/ttf");
            gzip.setHandler(context);
            server.setHandler(new SecurityHeaders(gzip));
            server.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
        log.info("CongSo web server listening on http://{}:{}/ (started in {} ms)", config.host(), config.port(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * How requests are read: no {@code Server} or {@code X-Powered-By} header, and the client
     * and scheme taken from forwarding headers only when a trusted proxy sent them.
     */
    static HttpConfiguration httpConfiguration(TrustedProxies proxies) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.addCustomizer(new TrustedProxyCustomizer(proxies));
        return http;
    }

    void stop() {
        platform.views().detach();
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                log.warn("Error stopping the web server: {}", e.toString());
            }
            server = null;
        }
    }

    UiConfig config() {
        return config;
    }

    /** Runs Vaadin's initialisers and registers the shell's own routes. */
    private final class VaadinInitializer implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletContext servletContext = event.getServletContext();
            try {
                new LookupServletContainerInitializer().process(Set.of(LookupInitializer.class), servletContext);
                VaadinServletContext vaadinContext = new VaadinServletContext(servletContext);
                new VaadinAppShellInitializer().initialize(Set.of(AppShell.class), vaadinContext);
                ApplicationRouteRegistry registry = ApplicationRouteRegistry.getInstance(vaadinContext);
                registry.setErrorNavigationTargets(Set.of(NotFoundView.class));
                RouteConfiguration routes = RouteConfiguration.forRegistry(registry);
                routes.setRoute("", HomeView.class, List.of(MainLayout.class));
                routes.setRoute("access-denied", AccessDeniedView.class, List.of(MainLayout.class));
                platform.views().attach(registry);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot initialise Vaadin", e);
            }
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            platform.views().detach();
        }
    }
}
