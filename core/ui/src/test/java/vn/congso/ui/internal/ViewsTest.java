package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.internal.ReflectionCache;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import vn.congso.api.ViewContribution;

class ViewsTest {

    /** Stands for a plugin's view class. */
    static final class PluginView extends Div {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void removingAViewForgetsTheClassesFlowCachedSoThePluginsClassLoaderCanGo() {
        // Flow's own caches (component metadata, event data) are ReflectionCaches like this one:
        // keyed by class, strongly, never expiring on their own.
        ReflectionCache<Component, String> flowCache = new ReflectionCache<>(Class::getName);
        flowCache.get(PluginView.class);
        assertTrue(flowCache.contains(PluginView.class));
        // UIInternals' set of components it warned about once, filled when a view is shown.
        FlowCaches.warnedAboutDependencies().orElseThrow().add(PluginView.class);
        AtomicInteger changes = new AtomicInteger();
        Views views = new Views(nothing(BundleContext.class), changes::incrementAndGet);
        NavigationModel.Entry entry = new NavigationModel.Entry("plugin", "plugin.title", Optional.empty(),
                "vaadin:file", "public-services", 10, Optional.empty(), true);

        views.removedService(nothing(ServiceReference.class), new Views.Active(nothing(ViewContribution.class), entry));

        assertFalse(flowCache.contains(PluginView.class),
                "a removed plugin's view class is still held by Flow's reflection caches");
        assertFalse(FlowCaches.warnedAboutDependencies().orElseThrow().contains(PluginView.class),
                "a removed plugin's view class is still held by Flow's UIInternals.warnedAboutDeps");
        assertEquals(1, changes.get(), "the shell is told about the change");
    }

    /** An implementation whose every method does nothing and answers null, false or 0. */
    @SuppressWarnings("unchecked")
    private static <T> T nothing(Class<T> type) {
        return (T) Proxy.newProxyInstance(ViewsTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Class<?> r = method.getReturnType();
                    if (r == boolean.class) {
                        return false;
                    }
                    if (r == int.class || r == long.class) {
                        return r == int.class ? (Object) 0 : (Object) 0L;
                    }
                    if (method.getName().equals("toString")) {
                        return type.getSimpleName();
                    }
                    return null;
                });
    }
}
