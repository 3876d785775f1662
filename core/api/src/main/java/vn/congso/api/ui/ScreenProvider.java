package vn.congso.api.ui;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The screens (and navigation groups) of one plugin. Register one implementation as an OSGi
 * service, typically a Declarative Services component whose constructor receives the services
 * the views need; the shell adds every screen's route and navigation entry while the service is
 * registered and removes them, moving every open tab away, when it goes.
 *
 * <pre>{@code
 * @org.osgi.service.component.annotations.Component
 * public final class NoticeScreens implements ScreenProvider {
 *     private final NoticeService notices;
 *     @Activate public NoticeScreens(@Reference NoticeService notices) { this.notices = notices; }
 *     public List<NavigationGroup> groups() { return List.of(new NavigationGroup("notices", "notices.nav", 20)); }
 *     public List<Screen<?>> screens() {
 *         return List.of(Screen.route("notices").title("notices.title").icon("vaadin:bell").group("notices")
 *                 .view(NoticesView.class, () -> new NoticesView(notices)));
 *     }
 * }
 * }</pre>
 *
 * <p>A provider that throws, a screen whose route is already taken, or a view factory that
 * throws affects only that provider or screen: the platform logs it, leaves the screen out (or
 * shows the error page for the failed navigation), and the plugins screen shows the plugin as
 * unhealthy with the cause. Translations come from the providing bundle's
 * {@code OSGI-INF/l10n/*.properties}.
 */
@ConsumerType
public interface ScreenProvider {

    /**
     * The navigation groups this plugin's screens are listed under.
     *
     * @return the groups; empty when the screens use core's groups only
     */
    default List<NavigationGroup> groups() {
        return List.of();
    }

    /**
     * This plugin's screens. Called once when the service is registered.
     *
     * @return the screens
     */
    List<Screen<?>> screens();
}
