package vn.congso.security.internal.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.congso.api.TranslationService;
import vn.congso.security.internal.SecurityService;

/**
 * Sign-in. The message never tells whether an account exists. The page is there as soon as the
 * shell is, before the database: a sign-in submitted while the platform is still starting waits
 * (with the notice beside the button) for the security service.
 */
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    /** How long a sign-in submitted during the start waits for the security service. */
    static final Duration START_WAIT = Duration.ofSeconds(60);
    private final transient TranslationService translations;
    private final transient ServiceGate<SecurityService> gate;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Span error = new Span();
    private final Button submit = new Button();
    private final Div registerLinks = new Div();
    private String redirect = "";

    /** Creates the view. */
    LoginView(TranslationService translations, ServiceGate<SecurityService> gate) {
        this.translations = translations;
        this.gate = gate;
        setId("login-view");
        setMaxWidth("420px");
        H1 title = new H1(t("security.login.title"));
        username.setId("login-username");
        username.setLabel(t("security.login.username"));
        username.setWidthFull();
        username.setAutofocus(true);
        username.setMaxLength(64);
        password.setId("login-password");
        password.setLabel(t("security.login.password"));
        password.setWidthFull();
        password.setMaxLength(128);
        error.setId("login-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        submit.setText(t("security.login.submit"));
        submit.addClickListener(e -> submit());
        submit.setId("login-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        // Disabled in the browser the moment it is pressed (no second sign-in while the first is
        // checked), and the notice beside it shows while it is: the stylesheet shows
        // #login-wait after a disabled #login-submit. In a sign-in storm before an exam the
        // password check queues (Argon2Passwords) and the person sees why they wait.
        submit.setDisableOnClick(true);
        Span wait = new Span(t("security.login.wait"));
        wait.setId("login-wait");
        wait.addClassName("congso-login-wait");
        registerLinks.setId("login-register-links");
        add(title, error, username, password, submit, wait, registerLinks);
    }

    /**
     * Links to the registration screens that plugins opened (SelfRegistration), those whose route
     * is registered now; none while the security service is not there yet.
     */
    private void showRegisterLinks(RouteConfiguration routes) {
        registerLinks.removeAll();
        Optional<SecurityService> security = gate.await(Duration.ZERO);
        if (security.isEmpty()) {
            return;
        }
        for (var link : security.get().registrationLinks()) {
            if (routes.getRoute(link.getKey()).isPresent()) {
                Anchor anchor = new Anchor(link.getKey(), t(link.getValue()));
                anchor.setId("login-register-" + link.getKey().replace('/', '-'));
                registerLinks.add(new Span(t("security.login.register-prompt") + " "), anchor);
            }
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> values = event.getLocation().getQueryParameters().getParameters().getOrDefault("redirect",
                List.of());
        // Only the relative path of a registered route: never a script, another site or a trick.
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        redirect = RedirectTarget.sanitize(values.isEmpty() ? null : values.get(0),
                path -> routes.getRoute(path).isPresent());
        showRegisterLinks(routes);
    }

    private void submit() {
        if (username.isEmpty() || password.isEmpty()) {
            submit.setEnabled(true);
            show(t("security.login.required"));
            return;
        }
        SecurityService.LoginResult result;
        try {
            Optional<SecurityService> security = gate.await(START_WAIT);
            if (security.isEmpty()) {
                show(t("security.login.starting"));
                return;
            }
            result = security.get().login(username.getValue(), password.getValue().toCharArray());
        } finally {
            password.clear();
            submit.setEnabled(true);
        }
        switch (result.outcome()) {
            case SUCCESS -> getUI().ifPresent(ui -> ui.getPage().setLocation(redirect.isEmpty() ? "./" : redirect));
            case MUST_CHANGE_PASSWORD -> getUI().ifPresent(ui -> ui.getPage().setLocation("account/password"));
            case LOCKED -> {
                long minutes = Math.max(1, Duration.between(Instant.now(),
                        result.lockedUntil().orElse(Instant.now())).toMinutes() + 1);
                show(t("security.login.locked", minutes));
            }
            default -> show(t("security.login.failed"));
        }
    }

    private String t(String key, Object... params) {
        UI ui = UI.getCurrent();
        return translations.translate(key, ui == null ? TranslationService.VIETNAMESE : ui.getLocale(), params);
    }

    private void show(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
