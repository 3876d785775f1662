package vn.congso.security.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Map;
import vn.congso.security.internal.PasswordPolicy;
import vn.congso.security.internal.SecurityService;
import vn.congso.security.internal.ValidationException;

/** The signed-in user's password; the only page open while a one-time password is in use. */
public class ChangePasswordView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    /** Creates the view. */
    public ChangePasswordView(SecurityService security) {
        setId("change-password-view");
        setMaxWidth("480px");
        add(new H1(security.t("security.password.title")));
        if (security.ownAccount().mustChangePassword()) {
            Paragraph must = new Paragraph(security.t("security.password.must-change"));
            must.setId("password-must-change");
            add(must);
        }
        Paragraph rules = new Paragraph(security.t("security.password.rules", PasswordPolicy.MIN_LENGTH));
        rules.setId("password-rules");
        PasswordField current = field("password-current", security.t("security.password.current"));
        PasswordField next = field("password-new", security.t("security.password.new"));
        PasswordField repeat = field("password-repeat", security.t("security.password.repeat"));
        Button save = new Button(security.t("security.password.save"), e -> {
            try {
                security.changeOwnPassword(current.getValue().toCharArray(), next.getValue().toCharArray(),
                        repeat.getValue().toCharArray());
                current.clear();
                next.clear();
                repeat.clear();
                // Navigate rather than reload, so that the success message stays on screen; the
                // shell rebuilds the navigation with everything the account may now open.
                getUI().ifPresent(ui -> ui.navigate(""));
                Forms.success(security.t("security.password.changed"));
            } catch (ValidationException problems) {
                Forms.show(security, problems, Map.of("current", current, "new", next, "repeat", repeat));
            }
        });
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(rules, current, next, repeat, save);
    }

    private static PasswordField field(String id, String label) {
        PasswordField field = new PasswordField(label);
        field.setId(id);
        field.setWidthFull();
        field.setMaxLength(PasswordPolicy.MAX_LENGTH);
        return field;
    }
}
