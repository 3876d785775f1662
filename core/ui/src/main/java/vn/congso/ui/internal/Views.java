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
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;
import vn.congso.core.spi.ScreenStatus;
import vn.congso.ui.internal.ui.MainLayout;

/**
 * Follows {@link ScreenProvider} services: adds each screen's route to the Vaadin route registry
 * while its provider is registered and removes it when the provider goes, then tells the shell so
 * that every open tab updates its navigation and leaves a screen that is gone. A provider that
 * throws, a screen whose route is taken or invalid, and a view factory that throws are logged,
 * leave only that provider or screen out, and are kept per bundle for the plugins screen
 * ({@link ScreenStatus}).
 */
final class Views extends ServiceTracker<ScreenProvider, Views.Provided> implements ScreenStatus {

    /** Problems kept per bundle: the first ones tell the cause, a flood would only fill memory. */
    static final int MAX_PROBLEMS = 20;

    /**
     * A screen whose route is live.
     *
     * @param bundleId the providing bundle
     * @param screen the screen
     * @param entry its navigation data
     */
    record Active(long bundleId, Screen<?> screen, NavigationModel.Entry entry) {

        /** Makes the screen's view, recording a failure against the bundle. */
        Component createView(Views views) {
            try {
                return screen.createView();
            } catch (RuntimeException | LinkageError e) {
                views.problem(bundleId, Kind.VIEW_FAILED, entry.route(), e.toString());
                views.log.error("The view factory of '{}' (bundle {}) failed", entry.route(), bundleId, e);
                throw new IllegalStateException("The screen '" + entry.route() + "' could not be created", e);
            }
        }
    }

    /**
     * What one provider brought.
     *
     * @param groups its navigation groups
     * @param screens its live screens
     */
    record Provided(List<NavigationGroup> groups, List<Active> screens) {
    }

    private final Logger log = LoggerFactory.getLogger(Views.class);
    private final Map<String, Active> byRoute = new ConcurrentHashMap<>();
    private final Map<Long, List<Problem>> problems = new ConcurrentHashMap<>();
    private final List<Provided> providers = new CopyOnWriteArrayList<>();
    private final Runnable onChange;
    private final Checks checks;
    private volatile RouteRegistry registry;

    /**
     * What a screen's contribution is checked against whenever its bundle's health is asked:
     * its texts exist in both languages and its permission is declared. Asked at that moment,
     * not when the screen is added, because a bundle's permissions arrive with its own services
     * in no particular order.
     */
    interface Checks {
        /** Checks that pass for everything. */
        Checks NONE = new Checks() {
            @Override
            public boolean hasText(String key, String language) {
                return true;
            }

            @Override
            public boolean declared(String permission) {
                return true;
            }
        };

        /** Whether a key has a text in exactly that language. */
        boolean hasText(String key, String language);

        /** Whether a bundle present now declares the permission. */
        boolean declared(String permission);
    }

    /** The languages every screen's texts must exist in. */
    static final List<String> LANGUAGES = List.of("vi", "en");

    Views(BundleContext context, Runnable onChange) {
        this(context, onChange, Checks.NONE);
    }

    Views(BundleContext context, Runnable onChange, Checks checks) {
        super(context, ScreenProvider.class, null);
        this.onChange = onChange;
        this.checks = checks;
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
    public synchronized Provided addingService(ServiceReference<ScreenProvider> reference) {
        ScreenProvider provider = context.getService(reference);
        if (provider == null) {
            return null;
        }
        long bundleId = reference.getBundle().getBundleId();
        String bundle = reference.getBundle().getSymbolicName();
        List<NavigationGroup> groups;
        List<Screen<?>> screens;
        try {
            groups = List.copyOf(provider.groups());
            screens = List.copyOf(provider.screens());
        } catch (RuntimeException | LinkageError e) {
            log.error("The screen provider of bundle {} failed; none of its screens is added", bundle, e);
            problem(bundleId, Kind.PROVIDER_FAILED, "", e.toString());
            // Kept tracked (with nothing) so its problem is forgotten when the provider goes.
            Provided empty = new Provided(List.of(), List.of());
            providers.add(empty);
            return empty;
        }
        List<Active> added = new ArrayList<>();
        for (Screen<?> screen : screens) {
            add(bundleId, bundle, screen).ifPresent(added::add);
        }
        Provided provided = new Provided(groups, List.copyOf(added));
        providers.add(provided);
        onChange.run();
        return provided;
    }

    private Optional<Active> add(long bundleId, String bundle, Screen<?> screen) {
        String route;
        try {
            route = normalise(screen.route());
        } catch (IllegalArgumentException e) {
            log.error("Ignoring a screen of bundle {}: {}", bundle, e.getMessage());
            problem(bundleId, Kind.INVALID_ROUTE, String.valueOf(screen.route()), e.getMessage());
            return Optional.empty();
        }
        NavigationModel.Entry entry = new NavigationModel.Entry(route, screen.titleKey(), screen.descriptionKey(),
                screen.icon(), screen.group().orElse(""), screen.order(), screen.permission(),
                screen.inNavigation());
        Active active = new Active(bundleId, screen, entry);
        Active previous = byRoute.putIfAbsent(route, active);
        if (previous != null) {
            String owner = Optional.ofNullable(context.getBundle(previous.bundleId()))
                    .map(b -> b.getSymbolicName()).orElse(String.valueOf(previous.bundleId()));
            log.error("Route '{}' of bundle {} is already served by bundle {}; ignored", route, bundle, owner);
            problem(bundleId, Kind.DUPLICATE_ROUTE, route, owner);
            return Optional.empty();
        }
        RouteRegistry current = registry;
        if (current != null) {
            register(current, active);
        }
        log.info("Screen '{}' added by bundle {}", route, bundle);
        return Optional.of(active);
    }

    @Override
    public void modifiedService(ServiceReference<ScreenProvider> reference, Provided provided) {
        // Providers carry no service properties that matter.
    }

    @Override
    public synchronized void removedService(ServiceReference<ScreenProvider> reference, Provided provided) {
        providers.remove(provided);
        problems.remove(reference.getBundle().getBundleId());
        RouteRegistry current = registry;
        for (Active active : provided.screens()) {
            byRoute.remove(active.entry().route(), active);
            if (current != null) {
                try {
                    RouteConfiguration.forRegistry(current).removeRoute(active.entry().route());
                    // A view with a URL parameter is registered under the path's template
                    // ("route/:___url_parameter"), which removing the path alone leaves behind: the
                    // dead class would stay routed and a reinstalled bundle could not register it again.
                    RouteConfiguration.forRegistry(current).removeRoute(active.screen().viewType());
                } catch (RuntimeException e) {
                    log.warn("Could not remove route '{}': {}", active.entry().route(), e.toString());
                }
            }
            log.info("Screen '{}' removed", active.entry().route());
        }
        // Flow's static caches hold classes strongly and never expire (see FlowCaches).
        FlowCaches.forgetClasses();
        onChange.run();
        context.ungetService(reference);
    }

    private void register(RouteRegistry routeRegistry, Active active) {
        List<Class<? extends RouterLayout>> layouts = List.of(MainLayout.class);
        Class<? extends Component> viewClass = active.screen().viewType();
        try {
            RouteConfiguration.forRegistry(routeRegistry).setRoute(active.entry().route(), viewClass, layouts);
        } catch (RuntimeException e) {
            log.error("Could not register route '{}' for {}: {}", active.entry().route(), viewClass.getName(),
                    e.toString());
            problem(active.bundleId(), Kind.INVALID_ROUTE, active.entry().route(), e.toString());
        }
    }

    void problem(long bundleId, Kind kind, String route, String detail) {
        Problem problem = new Problem(kind, route, detail == null ? "" : detail);
        problems.compute(bundleId, (id, list) -> {
            List<Problem> next = list == null ? new CopyOnWriteArrayList<>() : list;
            if (next.size() < MAX_PROBLEMS && !next.contains(problem)) {
                next.add(problem);
            }
            return next;
        });
    }

    @Override
    public List<String> routes(long bundleId) {
        return byRoute.values().stream().filter(active -> active.bundleId() == bundleId)
                .map(active -> active.entry().route()).sorted().toList();
    }

    @Override
    public List<Problem> problems(long bundleId) {
        List<Problem> found = new ArrayList<>(problems.getOrDefault(bundleId, List.of()));
        byRoute.values().stream().filter(active -> active.bundleId() == bundleId)
                .sorted(java.util.Comparator.comparing(active -> active.entry().route()))
                .forEach(active -> found.addAll(contractProblems(active)));
        return List.copyOf(found.subList(0, Math.min(found.size(), MAX_PROBLEMS)));
    }

    /** A screen's texts in both languages and its permission declared, checked now. */
    private List<Problem> contractProblems(Active active) {
        List<Problem> found = new ArrayList<>();
        String route = active.entry().route();
        List<String> keys = new ArrayList<>(List.of(active.screen().titleKey()));
        active.screen().descriptionKey().ifPresent(keys::add);
        for (String key : keys) {
            List<String> missing = LANGUAGES.stream().filter(language -> !checks.hasText(key, language)).toList();
            if (!missing.isEmpty()) {
                found.add(new Problem(Kind.MISSING_TEXT, route, key + " (" + String.join(", ", missing) + ")"));
            }
        }
        active.screen().permission().filter(p -> !IMPLICIT_PERMISSION.equals(p) && !checks.declared(p))
                .ifPresent(p -> found.add(new Problem(Kind.UNDECLARED_PERMISSION, route, p)));
        return found;
    }

    /** Every signed-in user's permission; nobody declares it. */
    static final String IMPLICIT_PERMISSION = "account:self";

    /** Every active screen's navigation entry. */
    Collection<NavigationModel.Entry> entries() {
        List<NavigationModel.Entry> entries = new ArrayList<>();
        byRoute.values().forEach(active -> entries.add(active.entry()));
        return entries;
    }

    /** The navigation groups the providers declared. */
    List<NavigationGroup> groups() {
        List<NavigationGroup> groups = new ArrayList<>();
        providers.forEach(provided -> groups.addAll(provided.groups()));
        return groups;
    }

    /** The active screen whose view class is exactly this class. */
    Optional<Active> byViewClass(Class<?> viewClass) {
        return byRoute.values().stream()
                .filter(active -> active.screen().viewType() == viewClass)
                .findFirst();
    }

    /** The active screen for a route. */
    Optional<Active> byRoute(String route) {
        return Optional.ofNullable(byRoute.get(normalise(route)));
    }

    static String normalise(String route) {
        if (route == null) {
            throw new IllegalArgumentException("route is null");
        }
        String trimmed = route.trim();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("route is empty: the root belongs to the home page");
        }
        if (trimmed.startsWith("VAADIN") || trimmed.startsWith("themes/") || trimmed.equals("themes")) {
            throw new IllegalArgumentException("route '" + trimmed + "' is reserved by the platform");
        }
        return trimmed;
    }
}
