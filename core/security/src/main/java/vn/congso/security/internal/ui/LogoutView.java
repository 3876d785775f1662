package vn.congso.security.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import vn.congso.security.internal.SecurityService;

/**
 * The page at {@code /logout}. Opening it (a GET, perhaps from a link on another site) signs
 * no one out: it offers a button, a Vaadin server-side action that carries Vaadin's CSRF
 * token. The header's sign-out button does the same without this page.
 */
public class LogoutView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    /** Creates the view. */
    public LogoutView(SecurityService security) {
        setId("logout-view");
        add(new H1(security.t("security.logout.title")));
        if (security.current().isAuthenticated()) {
            Paragraph text = new Paragraph(security.t("security.logout.confirm"));
            text.setId("logout-text");
            Button confirm = new Button(security.t("security.logout.title"), e -> {
                security.logout();
                e.getSource().getUI().ifPresent(ui -> ui.getPage().setLocation("./"));
            });
            confirm.setId("logout-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(text, confirm);
        } else {
            Paragraph text = new Paragraph(security.t("security.logout.already"));
            text.setId("logout-text");
            add(text);
        }
    }
}
