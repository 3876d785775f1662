package vn.congso.itests.sample.internal;

import java.util.Optional;
import vn.congso.api.NavigationGroup;
import vn.congso.api.ViewContribution;

/** Contributes the sample plugin's public view at {@code sample-plugin}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class SampleContribution implements ViewContribution {

    @Override
    public String route() {
        return "sample-plugin";
    }

    @Override
    public String titleKey() {
        return "sample.title";
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
        return SampleView.class;
    }
}
