package vn.congso.admin.internal.ui;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.admin.internal.PluginService;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.security.RunAs;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;

/** The plugins screen at {@value #ROUTE}, for holders of {@code platform:plugins:manage}. */
@Component
public final class PluginScreens implements ScreenProvider {

    /** The route of the plugins screen. */
    public static final String ROUTE = "admin/plugins";

    private final PluginService plugins;
    private final TranslationService translations;
    private final CurrentUserService users;
    private final RunAs runAs;

    /**
     * Receives what the view needs.
     *
     * @param plugins the plugin engine
     * @param translations texts
     * @param users who is signed in, for actions that run after the click returns
     * @param runAs runs those actions as that person
     */
    @Activate
    public PluginScreens(@Reference PluginService plugins, @Reference TranslationService translations,
            @Reference CurrentUserService users, @Reference RunAs runAs) {
        this.plugins = plugins;
        this.translations = translations;
        this.users = users;
        this.runAs = runAs;
    }

    @Override
    public List<Screen<?>> screens() {
        return List.of(Screen.route(ROUTE).title("plugins.view.title").description("plugins.view.description")
                .icon("vaadin:puzzle-piece").group(NavigationGroup.ADMINISTRATION).order(40)
                .permission(PluginService.PERMISSION)
                .view(PluginsView.class, () -> new PluginsView(plugins, translations, users, runAs)));
    }
}
