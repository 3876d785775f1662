package vn.congso.security.internal.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.congso.security.internal.SecurityService;

/** Sign-in. The message never tells whether an account exists. */
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private final transient SecurityService security;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Span error = new Span();
    private final Button submit = new Button();
    private String redirect = "";

    /** Creates the view. */
    public LoginView(SecurityService security) {
        this.security = security;
        setId("login-view");
        setMaxWidth("420px");
        H1 title = new H1(security.t("security.login.title"));
        username.setId("login-username");
        username.setLabel(security.t("security.login.username"));
        username.setWidthFull();
        username.setAutofocus(true);
        username.setMaxLength(64);
        password.setId("login-password");
        password.setLabel(security.t("security.login.password"));
        password.setWidthFull();
        password.setMaxLength(128);
        error.setId("login-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        submit.setText(security.t("security.login.submit"));
        submit.addClickListener(e -> submit());
        submit.setId("login-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        // Disabled in the browser the moment it is pressed (no second sign-in while the first is
        // checked), and the notice beside it shows while it is: the stylesheet shows
        // #login-wait after a disabled #login-submit. In a sign-in storm before an exam the
        // password check queues (Argon2Passwords) and the person sees why they wait.
        submit.setDisableOnClick(true);
        Span wait = new Span(security.t("security.login.wait"));
        wait.setId("login-wait");
        wait.addClassName("congso-login-wait");
        add(title, error, username, password, submit, wait);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> values = event.getLocation().getQueryParameters().getParameters().getOrDefault("redirect",
                List.of());
        // Only the relative path of a registered route: never a script, another site or a trick.
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        redirect = RedirectTarget.sanitize(values.isEmpty() ? null : values.get(0),
                path -> routes.getRoute(path).isPresent());
    }

    private void submit() {
        if (username.isEmpty() || password.isEmpty()) {
            submit.setEnabled(true);
            show(security.t("security.login.required"));
            return;
        }
        SecurityService.LoginResult result;
        try {
            result = security.login(username.getValue(), password.getValue().toCharArray());
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
                show(security.t("security.login.locked", minutes));
            }
            default -> show(security.t("security.login.failed"));
        }
    }

    private void show(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
