package vn.congso.ui.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.RouteRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.ViewContribution;
import vn.congso.ui.internal.ui.MainLayout;

/**
 * Follows {@link ViewContribution} services: adds each one's route to the Vaadin route
 * registry while it is registered and removes it when it goes, then tells the shell so that
 * every open tab updates its navigation and leaves a view that is gone.
 */
final class Views extends ServiceTracker<ViewContribution, Views.Active> {

    /**
     * A contribution whose route is live.
     *
     * @param contribution the service object
     * @param entry its navigation data
     */
    record Active(ViewContribution contribution, NavigationModel.Entry entry) {
    }

    private final Logger log = LoggerFactory.getLogger(Views.class);
    private final Map<String, Active> byRoute = new ConcurrentHashMap<>();
    private final Runnable onChange;
    private volatile RouteRegistry registry;

    Views(BundleContext context, Runnable onChange) {
        super(context, ViewContribution.class, null);
        this.onChange = onChange;
    }

    /** Connects to a started Vaadin route registry and registers every active route. */
    synchronized void attach(RouteRegistry routeRegistry) {
        this.registry = routeRegistry;
        byRoute.values().forEach(active -> register(routeRegistry, active));
    }

    /** Forgets the registry of a stopped web server. */
    synchronized void detach() {
        this.registry = null;
    }

    @Override
    public synchronized Active addingService(ServiceReference<ViewContribution> reference) {
        ViewContribution contribution = context.getService(reference);
        if (contribution == null) {
            return null;
        }
        String route;
        NavigationModel.Entry entry;
        try {
            route = normalise(contribution.route());
            entry = new NavigationModel.Entry(route, contribution.titleKey(), contribution.descriptionKey(),
                    contribution.icon(), contribution.group(), contribution.order(),
                    contribution.requiredPermission().filter(p -> !p.isBlank()), contribution.inNavigation());
            if (contribution.viewClass() == null) {
                throw new IllegalArgumentException("viewClass() is null");
            }
        } catch (RuntimeException e) {
            log.error("Ignoring view contribution of bundle {}: {}", reference.getBundle().getSymbolicName(),
                    e.getMessage());
            context.ungetService(reference);
            return null;
        }
        Active active = new Active(contribution, entry);
        Active previous = byRoute.putIfAbsent(route, active);
        if (previous != null) {
            log.warn("Route '{}' of bundle {} is already taken by {}; ignored", route,
                    reference.getBundle().getSymbolicName(), previous.contribution().viewClass().getName());
            context.ungetService(reference);
            return null;
        }
        RouteRegistry current = registry;
        if (current != null) {
            register(current, active);
        }
        log.info("View '{}' added by bundle {}", route, reference.getBundle().getSymbolicName());
        onChange.run();
        return active;
    }

    @Override
    public void modifiedService(ServiceReference<ViewContribution> reference, Active active) {
        // Contributions carry no service properties that matter.
    }

    @Override
    public synchronized void removedService(ServiceReference<ViewContribution> reference, Active active) {
        byRoute.remove(active.entry().route(), active);
        RouteRegistry current = registry;
        if (current != null) {
            try {
                RouteConfiguration.forRegistry(current).removeRoute(active.entry().route());
            } catch (RuntimeException e) {
                log.warn("Could not remove route '{}': {}", active.entry().route(), e.toString());
            }
        }
        // Flow's static caches hold classes strongly and never expire (see FlowCaches).
        FlowCaches.forgetClasses();
        log.info("View '{}' removed", active.entry().route());
        onChange.run();
        context.ungetService(reference);
    }

    private void register(RouteRegistry routeRegistry, Active active) {
        List<Class<? extends RouterLayout>> layouts = List.of(MainLayout.class);
        Class<? extends Component> viewClass = active.contribution().viewClass();
        try {
            RouteConfiguration.forRegistry(routeRegistry).setRoute(active.entry().route(), viewClass, layouts);
        } catch (RuntimeException e) {
            log.error("Could not register route '{}' for {}: {}", active.entry().route(), viewClass.getName(),
                    e.toString());
        }
    }

    /** Every active contribution's navigation entry. */
    Collection<NavigationModel.Entry> entries() {
        List<NavigationModel.Entry> entries = new ArrayList<>();
        byRoute.values().forEach(active -> entries.add(active.entry()));
        return entries;
    }

    /** The active contribution whose view class is exactly this class. */
    Optional<Active> byViewClass(Class<?> viewClass) {
        return byRoute.values().stream()
                .filter(active -> active.contribution().viewClass() == viewClass)
                .findFirst();
    }

    /** The active contribution for a route. */
    Optional<Active> byRoute(String route) {
        return Optional.ofNullable(byRoute.get(normalise(route)));
    }

    static String normalise(String route) {
        if (route == null) {
            throw new IllegalArgumentException("route() is null");
        }
        String trimmed = route.trim();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("route() is empty: the root belongs to the home page");
        }
        if (trimmed.startsWith("VAADIN") || trimmed.startsWith("themes/") || trimmed.equals("themes")) {
            throw new IllegalArgumentException("route '" + trimmed + "' is reserved by the platform");
        }
        return trimmed;
    }
}
