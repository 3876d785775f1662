package vn.congso.ui.internal;

import com.vaadin.flow.component.internal.ComponentMetaData;
import com.vaadin.flow.component.internal.UIInternals;
import com.vaadin.flow.internal.ReflectionCache;
import com.vaadin.flow.server.ServiceDestroyListener;
import com.vaadin.flow.server.VaadinService;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flow's static caches that hold classes strongly and never expire. Once a plugin's view had been
 * shown, each of them kept the removed plugin's class loader, and every class it loaded, alive for
 * good (one loader per install/uninstall cycle, found with a heap dump of PluginCycleBenchmark).
 * When a view goes they are emptied; core's own entries are rebuilt on next use, as after Flow's
 * own hot reload.
 */
final class FlowCaches {

    private static final Logger log = LoggerFactory.getLogger(FlowCaches.class);
    private static final Set<VaadinService> SERVICES = ConcurrentHashMap.newKeySet();

    private FlowCaches() {
    }

    /** A running Vaadin service whose listeners are to be kept clean, until it is destroyed. */
    static void track(VaadinService service) {
        SERVICES.add(service);
        service.addServiceDestroyListener(event -> SERVICES.remove(service));
    }

    /** Forgets every class Flow cached statically. */
    static void forgetClasses() {
        // A component's metadata, its events' data.
        ReflectionCache.clearAll();
        // The components UIInternals warned once about ("dependencies not in the bundle"): a
        // private static set of classes.
        warnedAboutDependencies().ifPresent(Set::clear);
        // Each component metadata, once asked for a service's dependencies, adds a listener to
        // that service (to forget them when the service is destroyed) and never removes it; the
        // metadata just cleared are garbage but for those listeners, which hold their classes.
        for (VaadinService service : SERVICES) {
            destroyListeners(service).ifPresent(listeners -> listeners.removeIf(FlowCaches::isMetadataListener));
        }
    }

    /** Whether a service destroy listener is one a {@link ComponentMetaData} added. */
    static boolean isMetadataListener(ServiceDestroyListener listener) {
        return listener.getClass().getName().startsWith(ComponentMetaData.class.getName() + "$$Lambda");
    }

    @SuppressWarnings("unchecked")
    static Optional<Set<ServiceDestroyListener>> destroyListeners(VaadinService service) {
        try {
            Field field = VaadinService.class.getDeclaredField("serviceDestroyListeners");
            field.setAccessible(true);
            return Optional.of((Set<ServiceDestroyListener>) field.get(service));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot reach Flow's VaadinService.serviceDestroyListeners ({}); a removed plugin's classes may "
                    + "stay in memory", e.toString());
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    static Optional<Set<Class<?>>> warnedAboutDependencies() {
        try {
            Field field = UIInternals.class.getDeclaredField("warnedAboutDeps");
            field.setAccessible(true);
            return Optional.of((Set<Class<?>>) field.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A Flow version without it: nothing to forget there, but say so once per removal.
            log.warn("Cannot reach Flow's UIInternals.warnedAboutDeps ({}); a removed plugin's classes may stay "
                    + "in memory", e.toString());
            return Optional.empty();
        }
    }
}
