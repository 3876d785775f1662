package vn.congso.ui.internal;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.NavigationEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.communication.IndexHtmlRequestListener;
import java.util.stream.Stream;

/**
 * Creates plugin views through their screen's factory ({@link vn.congso.api.ui.Screen#createView()}),
 * so a view receives the services its provider was injected with, and hands Vaadin the merged
 * translations.
 */
final class CongSoInstantiator extends DefaultInstantiator {

    private static final long serialVersionUID = 1L;
    private final transient Platform platform;

    CongSoInstantiator(VaadinService service, Platform platform) {
        super(service);
        this.platform = platform;
    }

    @Override
    public <T extends HasElement> T createRouteTarget(Class<T> routeTargetType, NavigationEvent event) {
        return platform.views().byViewClass(routeTargetType)
                .map(active -> routeTargetType.cast(active.createView(platform.views())))
                .orElseGet(() -> super.createRouteTarget(routeTargetType, event));
    }

    @Override
    public Stream<IndexHtmlRequestListener> getIndexHtmlRequestListeners(Stream<IndexHtmlRequestListener> listeners) {
        return Stream.concat(super.getIndexHtmlRequestListeners(listeners), Stream.of(new PreviewTags(platform::preview), new ScriptNonces(),
                new LanguageAttribute()));
    }

    @Override
    public I18NProvider getI18NProvider() {
        return platform.i18nProvider();
    }
}
