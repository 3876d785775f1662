package vn.congso.security.internal.ui;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import vn.congso.api.TranslationService;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;
import vn.congso.security.internal.SecurityService;

/**
 * The sign-in page. It needs only the translations, so it is there with the shell's first page,
 * before the database; the security service, which waits for the database, is handed over when
 * it comes, and a sign-in submitted before waits for it ({@link LoginView}).
 */
@Component
public final class SignInScreens implements ScreenProvider {

    private final TranslationService translations;
    private final ServiceGate<SecurityService> gate = new ServiceGate<>();

    /** Receives the translations. */
    @Activate
    public SignInScreens(@Reference TranslationService translations) {
        this.translations = translations;
    }

    /** The security service has started. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSecurity(SecurityService security) {
        gate.arrived(security);
    }

    void unbindSecurity(SecurityService security) {
        gate.left(security);
    }

    @Override
    public List<Screen<?>> screens() {
        return List.of(Screen.route("login").title("security.login.title").icon("vaadin:sign-in")
                .group(NavigationGroup.ACCOUNT.id()).order(1).hidden()
                .view(LoginView.class, () -> new LoginView(translations, gate)));
    }
}
