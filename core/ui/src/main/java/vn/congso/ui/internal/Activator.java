package vn.congso.ui.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ManagedService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.core.spi.ScreenStatus;
import vn.congso.api.web.PublicLinks;

/**
 * Starts the shell: the trackers that follow plugins, the platform services, and the web
 * server, which is (re)started whenever its configuration changes. The one bundle activator
 * in CongSo's own code: Jetty and Vaadin are started here, not by Declarative Services.
 */
public final class Activator implements BundleActivator {

    private final Logger log = LoggerFactory.getLogger(Activator.class);
    private ExecutorService configThread;
    private Platform platform;
    private WebServer webServer;
    private ServiceRegistration<?> translationRegistration;
    private ServiceRegistration<?> anonymousRegistration;
    private ServiceRegistration<?> configRegistration;
    private ServiceRegistration<?> screenStatusRegistration;
    private ServiceRegistration<?> linksRegistration;
    private final RequestPublicLinks links = new RequestPublicLinks();

    @Override
    public void start(BundleContext context) {
        AnonymousUserService anonymous = new AnonymousUserService();
        platform = new Platform(context, anonymous);
        platform.open();
        configThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "congso-ui-config"));

        translationRegistration = context.registerService(TranslationService.class, platform.translations(), null);
        screenStatusRegistration = context.registerService(ScreenStatus.class, platform.views(), null);
        Dictionary<String, Object> lowest = new Hashtable<>();
        lowest.put(Constants.SERVICE_RANKING, Integer.MIN_VALUE);
        anonymousRegistration = context.registerService(CurrentUserService.class, anonymous, lowest);
        linksRegistration = context.registerService(PublicLinks.class, links, null);

        Dictionary<String, Object> pid = new Hashtable<>();
        pid.put(Constants.SERVICE_PID, UiConfig.PID);
        ManagedService managed = properties -> configThread.execute(() -> apply(properties));
        configRegistration = context.registerService(ManagedService.class, managed, pid);
    }

    private synchronized void apply(Dictionary<String, ?> properties) {
        UiConfig config;
        try {
            config = UiConfig.from(properties, System.getenv());
        } catch (IllegalArgumentException e) {
            log.error("Invalid configuration {}: {}; keeping the previous one", UiConfig.PID, e.getMessage());
            return;
        }
        platform.themes().configure(config.theme());
        links.configure(config);
        if (webServer != null && sameServer(webServer.config(), config)) {
            // Nothing the server depends on changed (at most the theme: pages pick it up on their next load).
            return;
        }
        if (webServer != null) {
            webServer.stop();
            webServer = null;
        }
        WebServer next = new WebServer(platform, config);
        try {
            next.start();
            webServer = next;
        } catch (Exception e) {
            log.error("Cannot start the web server on {}:{}: {}", config.host(), config.port(), e.toString(), e);
            next.stop();
        }
    }

    private static boolean sameServer(UiConfig a, UiConfig b) {
        return a.host().equals(b.host()) && a.port() == b.port() && a.heartbeatSeconds() == b.heartbeatSeconds()
                && a.sessionTimeoutMinutes() == b.sessionTimeoutMinutes()
                && a.trustedProxies().addresses().equals(b.trustedProxies().addresses());
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        configRegistration.unregister();
        configThread.shutdown();
        configThread.awaitTermination(30, TimeUnit.SECONDS);
        synchronized (this) {
            if (webServer != null) {
                webServer.stop();
                webServer = null;
            }
        }
        linksRegistration.unregister();
        anonymousRegistration.unregister();
        screenStatusRegistration.unregister();
        translationRegistration.unregister();
        platform.close();
    }
}
