package vn.congso.ui.internal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import java.util.Locale;
import vn.congso.ui.internal.Platform;

/**
 * Says that the signed-in user may not open the page they asked for, and leads home; or, while
 * the user must still replace a one-time password, that the password comes first, with the way
 * to it (the page is not forbidden, it is waiting).
 */
public class AccessDeniedView extends VerticalLayout implements BeforeEnterObserver, MainLayout.ShellPage {

    private static final long serialVersionUID = 1L;

    /** The route of the password change, when a security bundle contributes one. */
    public static final String PASSWORD_ROUTE = "account/password";

    private String titleKey = "congso.denied.title";

    /** Creates the page. */
    public AccessDeniedView() {
        setId("access-denied-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Platform platform = Platform.current();
        Locale locale = event.getUI().getLocale();
        removeAll();
        if (platform.currentUser().mustChangePassword() && platform.hasRoute(PASSWORD_ROUTE)) {
            titleKey = "congso.password-first.title";
            H1 title = new H1(platform.t(titleKey, locale));
            title.setId("password-first-title");
            Paragraph message = new Paragraph(platform.t("congso.password-first.message", locale));
            message.setId("password-first-message");
            Anchor change = new Anchor(PASSWORD_ROUTE, platform.t("congso.password-first.link", locale));
            change.setId("password-first-link");
            add(title, message, change);
            return;
        }
        titleKey = "congso.denied.title";
        H1 title = new H1(platform.t(titleKey, locale));
        title.setId("access-denied-title");
        Paragraph message = new Paragraph(platform.t("congso.denied.message", locale));
        Anchor home = new Anchor("", platform.t("congso.notfound.home", locale));
        home.setId("access-denied-home");
        add(title, message, home);
    }

    @Override
    public String pageTitleKey() {
        return titleKey;
    }
}
