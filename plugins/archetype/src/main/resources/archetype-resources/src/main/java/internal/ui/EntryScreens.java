package ${package}.internal.ui;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ${package}.internal.EntryPermissions;
import ${package}.internal.EntryService;
import vn.congso.api.TranslationService;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;

/** The ${pluginName} screen at {@value #ROUTE}, in the plugin's own navigation group. */
@Component
public final class EntryScreens implements ScreenProvider {

    /** The route of the screen. */
    public static final String ROUTE = "${pluginName}";
    /** The plugin's heading in the side navigation. */
    public static final NavigationGroup GROUP = new NavigationGroup("${pluginName}", "${pluginName}.nav.group", 50);

    private final EntryService entries;
    private final TranslationService translations;

    /**
     * Receives what the view needs.
     *
     * @param entries the entries
     * @param translations texts
     */
    @Activate
    public EntryScreens(@Reference EntryService entries, @Reference TranslationService translations) {
        this.entries = entries;
        this.translations = translations;
    }

    @Override
    public List<NavigationGroup> groups() {
        return List.of(GROUP);
    }

    @Override
    public List<Screen<?>> screens() {
        return List.of(Screen.route(ROUTE).title("${pluginName}.view.title").description("${pluginName}.view.description")
                .icon("vaadin:notebook").group(GROUP).order(10).permission(EntryPermissions.VIEW)
                .view(EntryView.class, () -> new EntryView(entries, translations)));
    }
}
