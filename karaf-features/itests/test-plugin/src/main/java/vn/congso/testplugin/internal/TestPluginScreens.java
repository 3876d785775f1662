package vn.congso.testplugin.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;

/** The test plugin's public screen and its navigation group. */
@Component
public class TestPluginScreens implements ScreenProvider {

    private static final NavigationGroup GROUP = new NavigationGroup("test-plugin", "testplugin.title", 50);

    @Override
    public List<NavigationGroup> groups() {
        return List.of(GROUP);
    }

    @Override
    public List<Screen<?>> screens() {
        return List.of(Screen.route("test-plugin").title("testplugin.title").description("testplugin.description")
                .icon("vaadin:flask").group(GROUP).view(TestPluginView.class, TestPluginView::new));
    }
}
