package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.internal.ComponentMetaData;
import com.vaadin.flow.server.ServiceDestroyListener;
import com.vaadin.flow.server.VaadinServletService;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowCachesTest {

    /** Stands for a plugin's view class. */
    static final class PluginView extends Div {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void theListenersComponentMetadataLeftOnTheServiceAreRemovedButNoOtherOne() {
        VaadinServletService service = new VaadinServletService(null, null);
        FlowCaches.track(service);
        ServiceDestroyListener ours = event -> { };
        service.addServiceDestroyListener(ours);
        // What Flow does the first time a view is shown: the metadata registers a listener that
        // holds it, and through it the view's class.
        new ComponentMetaData(PluginView.class).getDependencyInfo(service);
        Set<ServiceDestroyListener> listeners = FlowCaches.destroyListeners(service).orElseThrow();
        assertTrue(listeners.stream().anyMatch(FlowCaches::isMetadataListener),
                "the metadata's listener was expected on the service");

        FlowCaches.forgetClasses();

        assertEquals(0, listeners.stream().filter(FlowCaches::isMetadataListener).count(),
                "a listener of component metadata still holds a removed plugin's class");
        assertTrue(listeners.contains(ours), "a listener that holds no metadata was removed");
    }
}
