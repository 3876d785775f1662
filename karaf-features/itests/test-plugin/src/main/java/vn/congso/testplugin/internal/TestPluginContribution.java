package vn.congso.testplugin.internal;

import java.util.Optional;
import vn.congso.api.NavigationGroup;
import vn.congso.api.ViewContribution;

/** Contributes the test plugin's public view. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class TestPluginContribution implements ViewContribution {

    @Override
    public String route() {
        return "test-plugin";
    }

    @Override
    public String titleKey() {
        return "testplugin.title";
    }

    @Override
    public Optional<String> descriptionKey() {
        return Optional.of("testplugin.description");
    }

    @Override
    public String icon() {
        return "vaadin:flask";
    }

    @Override
    public String group() {
        return NavigationGroup.PUBLIC_SERVICES.id();
    }

    @Override
    public Optional<String> requiredPermission() {
        return Optional.empty();
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return TestPluginView.class;
    }
}
