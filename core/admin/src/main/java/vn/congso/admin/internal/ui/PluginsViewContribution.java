package vn.congso.admin.internal.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.AbstractViewContribution;
import vn.congso.api.CurrentUserService;
import vn.congso.api.NavigationGroup;
import vn.congso.api.TranslationService;
import vn.congso.api.ViewContribution;
import vn.congso.api.security.RunAs;
import vn.congso.admin.internal.PluginService;

/** Contributes the plugins screen at {@code admin/plugins}, for holders of {@code platform:plugins:manage}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public final class PluginsViewContribution extends AbstractViewContribution {

    /** The route of the plugins screen. */
    public static final String ROUTE = "admin/plugins";

    private final PluginService plugins;
    private final TranslationService translations;
    private final CurrentUserService users;
    private final RunAs runAs;

    /**
     * Creates the contribution.
     *
     * @param plugins the plugin engine
     * @param translations texts
     * @param users who is signed in, for actions that run after the click returns
     * @param runAs runs those actions as that person
     */
    @Activate
    public PluginsViewContribution(@Reference PluginService plugins, @Reference TranslationService translations,
            @Reference CurrentUserService users, @Reference RunAs runAs) {
        super(ROUTE, "plugins.view.title", "vaadin:puzzle-piece", NavigationGroup.ADMINISTRATION.id(), 40,
                PluginService.PERMISSION, true);
        this.plugins = plugins;
        this.translations = translations;
        this.users = users;
        this.runAs = runAs;
    }

    @Override
    public Optional<String> descriptionKey() {
        return Optional.of("plugins.view.description");
    }

    @Override
    public Class<? extends Component> viewClass() {
        return PluginsView.class;
    }

    @Override
    public Component createView() {
        return new PluginsView(plugins, translations, users, runAs);
    }
}
