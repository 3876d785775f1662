package vn.congso.services.internal.ui;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.TranslationService;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;
import vn.congso.api.units.UnitDirectory;
import vn.congso.services.internal.citizen.CitizenRegistration;

/**
 * The citizen's public registration screen, reached from the sign-in page's link (the platform
 * shows it because {@link CitizenRegistration} opened the citizen role to self-registration).
 */
@Component
public final class CitizenScreens implements ScreenProvider {

    private final CitizenRegistration registration;
    private final UnitDirectory units;
    private final TranslationService translations;

    /**
     * @param registration the registration service
     * @param units the communes and towns
     * @param translations texts
     */
    @Activate
    public CitizenScreens(@Reference CitizenRegistration registration, @Reference UnitDirectory units,
            @Reference TranslationService translations) {
        this.registration = registration;
        this.units = units;
        this.translations = translations;
    }

    @Override
    public List<Screen<?>> screens() {
        return List.of(Screen.route(CitizenRegistration.ROUTE).title("services.register.title")
                .icon("vaadin:user-check").group(ServicesScreens.GROUP).order(35).hidden()
                .view(RegisterView.class, () -> new RegisterView(registration, units, translations)));
    }
}
