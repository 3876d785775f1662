package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.internal.ReflectionCache;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;
import vn.congso.core.spi.ScreenStatus;

class ViewsTest {

    /** Stands for a plugin's view class. */
    static final class PluginView extends Div {
        private static final long serialVersionUID = 1L;
    }

    /** Another plugin's view class. */
    static final class OtherView extends Div {
        private static final long serialVersionUID = 1L;
    }

    /** A plugin's view with a URL parameter, such as a procedure's page. */
    static final class ParameterView extends Div implements com.vaadin.flow.router.HasUrlParameter<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void setParameter(com.vaadin.flow.router.BeforeEvent event, String parameter) {
        }
    }

    /** The attributes of a Vaadin context, in a map. */
    static final class MapContext implements com.vaadin.flow.server.VaadinContext {
        private final Map<Class<?>, Object> attributes = new HashMap<>();

        @Override
        public <T> T getAttribute(Class<T> type, java.util.function.Supplier<T> defaultValueSupplier) {
            Object value = attributes.get(type);
            if (value == null && defaultValueSupplier != null) {
                value = defaultValueSupplier.get();
                attributes.put(type, value);
            }
            return type.cast(value);
        }

        @Override
        public <T> void setAttribute(Class<T> clazz, T value) {
            attributes.put(clazz, value);
        }

        @Override
        public void removeAttribute(Class<?> clazz) {
            attributes.remove(clazz);
        }

        @Override
        public java.util.Enumeration<String> getContextParameterNames() {
            return java.util.Collections.emptyEnumeration();
        }

        @Override
        public String getContextParameter(String name) {
            return null;
        }
    }

    @Test
    void aViewWithAUrlParameterIsUnroutedWithItsProviderAndRoutedAgainOnReinstall() {
        com.vaadin.flow.server.RouteRegistry registry =
                new com.vaadin.flow.server.startup.ApplicationRouteRegistry(new MapContext()) {
                    private static final long serialVersionUID = 1L;
                };
        views.attach(registry);
        ScreenProvider screens = () -> List.of(
                Screen.route("services/procedure").title("t").hidden().view(ParameterView.class, ParameterView::new));
        ServiceReference<ScreenProvider> first = provider(9, screens);
        Views.Provided provided = views.addingService(first);
        assertTrue(registry.getNavigationTarget("services/procedure/1.000894").isPresent());

        views.removedService(first, provided);
        assertFalse(registry.getNavigationTarget("services/procedure/1.000894").isPresent(),
                "the removed bundle's view is still routed");

        views.addingService(provider(10, screens));
        assertTrue(registry.getNavigationTarget("services/procedure/1.000894").isPresent());
        assertTrue(views.problems(10).isEmpty(), views.problems(10).toString());
    }

    private final Map<ServiceReference<?>, ScreenProvider> services = new HashMap<>();
    private final AtomicInteger changes = new AtomicInteger();
    private final Views views = new Views(context(), changes::incrementAndGet);

    @Test
    void aProvidersScreensAndGroupsAreAddedAndRemovedTogether() {
        ServiceReference<ScreenProvider> ref = provider(7, new ScreenProvider() {
            @Override
            public List<NavigationGroup> groups() {
                return List.of(new NavigationGroup("notices", "notices.group", 20));
            }

            @Override
            public List<Screen<?>> screens() {
                return List.of(
                        Screen.route("/notices/").title("n.title").group("notices").permission("notices:read")
                                .view(PluginView.class, PluginView::new),
                        Screen.route("notices/detail").title("d.title").hidden().view(OtherView.class, OtherView::new));
            }
        });

        Views.Provided provided = views.addingService(ref);

        assertEquals(List.of("notices", "notices/detail"), views.routes(7));
        assertEquals(List.of("notices"), views.groups().stream().map(NavigationGroup::id).toList());
        assertEquals("notices:read", views.byViewClass(PluginView.class).orElseThrow().entry().permission().get());
        assertTrue(views.byRoute("notices/detail").orElseThrow().entry().isPublic());
        assertTrue(views.problems(7).isEmpty());

        views.removedService(ref, provided);

        assertTrue(views.routes(7).isEmpty());
        assertTrue(views.groups().isEmpty());
        assertEquals(2, changes.get(), "the shell is told about each change");
    }

    @Test
    void aScreenWithoutItsTextsOrWithAnUndeclaredPermissionMakesItsBundleUnhealthyUntilFixed() {
        java.util.Set<String> texts = new java.util.HashSet<>(java.util.Set.of("notes.title|vi", "notes.title|en",
                "raw.title|vi"));
        java.util.Set<String> declared = new java.util.HashSet<>();
        Views checked = new Views(context(), changes::incrementAndGet, new Views.Checks() {
            @Override
            public boolean hasText(String key, String language) {
                return texts.contains(key + "|" + language);
            }

            @Override
            public boolean declared(String permission) {
                return declared.contains(permission);
            }
        });
        checked.addingService(provider(4, () -> List.of(
                Screen.route("notes").title("notes.title").group("notes").permission("notes:note:read")
                        .view(PluginView.class, PluginView::new),
                Screen.route("raw").title("raw.title").hidden().permission("account:self")
                        .view(OtherView.class, OtherView::new))));

        assertEquals(List.of("notes", "raw"), checked.routes(4), "the screens are served all the same: " + checked.problems(4));
        assertEquals(List.of(new ScreenStatus.Problem(ScreenStatus.Kind.UNDECLARED_PERMISSION, "notes", "notes:note:read"),
                new ScreenStatus.Problem(ScreenStatus.Kind.MISSING_TEXT, "raw", "raw.title (en)")), checked.problems(4),
                "account:self is everyone's and needs no declaration");

        // The bundle's permission contribution and its English text arrive: healthy again.
        declared.add("notes:note:read");
        texts.add("raw.title|en");
        assertTrue(checked.problems(4).isEmpty(), checked.problems(4).toString());
    }

    @Test
    void aProviderThatThrowsIsRecordedAndLeavesTheOthersAlone() {
        views.addingService(provider(1, () -> List.of(
                Screen.route("first").title("t").group("g").view(PluginView.class, PluginView::new))));
        ServiceReference<ScreenProvider> broken = provider(2, () -> {
            throw new IllegalStateException("no screens today");
        });

        Views.Provided provided = views.addingService(broken);

        assertEquals(List.of("first"), views.routes(1));
        assertEquals(List.of(new ScreenStatus.Problem(ScreenStatus.Kind.PROVIDER_FAILED, "",
                "java.lang.IllegalStateException: no screens today")), views.problems(2));
        views.removedService(broken, provided);
        assertTrue(views.problems(2).isEmpty(), "a provider's problems go with it");
    }

    @Test
    void aDuplicateOrReservedRouteLeavesOnlyThatScreenOutAndNamesTheOwner() {
        views.addingService(provider(1, () -> List.of(
                Screen.route("taken").title("t").group("g").view(PluginView.class, PluginView::new))));

        views.addingService(provider(2, () -> List.of(
                Screen.route("taken").title("t").group("g").view(OtherView.class, OtherView::new),
                Screen.route("VAADIN/x").title("t").hidden().view(OtherView.class, OtherView::new),
                Screen.route("mine").title("t").group("g").view(OtherView.class, OtherView::new))));

        assertEquals(List.of("taken"), views.routes(1));
        assertEquals(PluginView.class, views.byRoute("taken").orElseThrow().screen().viewType());
        assertEquals(List.of("mine"), views.routes(2));
        List<ScreenStatus.Problem> problems = views.problems(2);
        assertEquals(new ScreenStatus.Problem(ScreenStatus.Kind.DUPLICATE_ROUTE, "taken", "bundle-1"), problems.get(0));
        assertEquals(ScreenStatus.Kind.INVALID_ROUTE, problems.get(1).kind());
        assertEquals(2, problems.size());
    }

    @Test
    void aViewFactoryThatThrowsIsRecordedAndTheScreenStays() {
        views.addingService(provider(3, () -> List.of(Screen.route("fails").title("t").group("g")
                .view(PluginView.class, () -> {
                    throw new IllegalArgumentException("broken view");
                }))));
        Views.Active active = views.byRoute("fails").orElseThrow();

        assertThrows(IllegalStateException.class, () -> active.createView(views));
        assertThrows(IllegalStateException.class, () -> active.createView(views));

        assertEquals(List.of(new ScreenStatus.Problem(ScreenStatus.Kind.VIEW_FAILED, "fails",
                "java.lang.IllegalArgumentException: broken view")), views.problems(3), "recorded once");
        assertEquals(List.of("fails"), views.routes(3));
    }

    @Test
    void removingAScreenForgetsTheClassesFlowCachedSoThePluginsClassLoaderCanGo() {
        // Flow's own caches (component metadata, event data) are ReflectionCaches like this one:
        // keyed by class, strongly, never expiring on their own.
        ReflectionCache<Component, String> flowCache = new ReflectionCache<>(Class::getName);
        flowCache.get(PluginView.class);
        assertTrue(flowCache.contains(PluginView.class));
        // UIInternals' set of components it warned about once, filled when a view is shown.
        FlowCaches.warnedAboutDependencies().orElseThrow().add(PluginView.class);
        ServiceReference<ScreenProvider> ref = provider(4, () -> List.of(
                Screen.route("plugin").title("t").group("g").view(PluginView.class, PluginView::new)));
        Views.Provided provided = views.addingService(ref);

        views.removedService(ref, provided);

        assertFalse(flowCache.contains(PluginView.class),
                "a removed plugin's view class is still held by Flow's reflection caches");
        assertFalse(FlowCaches.warnedAboutDependencies().orElseThrow().contains(PluginView.class),
                "a removed plugin's view class is still held by Flow's UIInternals.warnedAboutDeps");
    }

    @SuppressWarnings("unchecked")
    private ServiceReference<ScreenProvider> provider(long bundleId, ScreenProvider provider) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(ViewsTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> bundleId;
                    case "getSymbolicName" -> "bundle-" + bundleId;
                    default -> null;
                });
        ServiceReference<ScreenProvider> ref = (ServiceReference<ScreenProvider>) Proxy.newProxyInstance(
                ViewsTest.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        services.put(ref, provider);
        bundles.put(bundleId, bundle);
        return ref;
    }

    private final Map<Long, Bundle> bundles = new HashMap<>();

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(ViewsTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getService" -> services.get(args[0]);
                    case "getBundle" -> args == null ? null : bundles.get((Long) args[0]);
                    case "ungetService" -> true;
                    default -> null;
                });
    }
}
