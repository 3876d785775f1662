package vn.congso.itests.sample.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;

/** The sample plugin's public screen at {@code sample-plugin}, under its own group. */
@Component
public class SampleScreens implements ScreenProvider {

    private static final NavigationGroup GROUP = new NavigationGroup("sample", "sample.title", 50);

    @Override
    public List<NavigationGroup> groups() {
        return List.of(GROUP);
    }

    @Override
    public List<Screen<?>> screens() {
        return List.of(Screen.route("sample-plugin").title("sample.title").group(GROUP)
                .view(SampleView.class, SampleView::new));
    }
}
