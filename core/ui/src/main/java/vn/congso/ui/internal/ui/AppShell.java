package vn.congso.ui.internal.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import java.util.Locale;
import vn.congso.ui.internal.LanguageChoice;
import vn.congso.ui.internal.Platform;

/**
 * The application shell: server push over long polling (so a plugin coming or going updates
 * every open tab), and on every page load the shell's layout stylesheet and then the active
 * theme's (tokens only), each with a version that changes whenever its bundle is updated.
 */
@Push(value = PushMode.AUTOMATIC, transport = Transport.LONG_POLLING)
public class AppShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
        Platform platform = Platform.current();
        Locale locale = LanguageChoice.of(com.vaadin.flow.server.VaadinSession.getCurrent());
        settings.setPageTitle(platform.t("congso.app.title", locale));
        // The shell's layout first; the theme after it only sets tokens.
        settings.addLink("stylesheet", platform.shellStylesheet());
        platform.theme(locale).ifPresent(theme -> {
            settings.addLink("stylesheet", "themes/" + theme.name() + "/styles.css?v=" + theme.version());
            settings.addFavIcon("icon", "themes/" + theme.name() + "/" + theme.logo(), "48x48");
        });
    }
}
