package vn.congso.security.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import vn.congso.api.security.UserDirectory;
import vn.congso.security.internal.SecurityService;
import vn.congso.security.internal.SecurityStore;
import vn.congso.security.internal.ValidationException;

/** The signed-in user's own name, e-mail and phone. */
public class ProfileView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    /** Creates the view. */
    public ProfileView(SecurityService security) {
        setId("profile-view");
        setMaxWidth("560px");
        SecurityStore.User me = security.ownAccount();
        TextField username = new TextField(security.t("security.user.username"), me.data().username(), "");
        username.setId("profile-username");
        username.setReadOnly(true);
        TextField fullName = new TextField(security.t("security.user.full-name"), me.data().fullName(), "");
        fullName.setId("profile-full-name");
        fullName.setMaxLength(200);
        EmailField email = new EmailField(security.t("security.user.email"));
        email.setId("profile-email");
        email.setValue(me.data().email());
        TextField phone = new TextField(security.t("security.user.phone"), me.data().phone(), "");
        phone.setId("profile-phone");
        String unitName = security.units().stream().filter(u -> u.id().equals(me.data().unit()))
                .map(UserDirectory.Unit::name).findFirst().orElse(me.data().unit());
        TextField unit = new TextField(security.t("security.user.unit"), unitName, "");
        unit.setId("profile-unit");
        unit.setReadOnly(true);
        for (TextField f : new TextField[] {username, fullName, phone, unit}) {
            f.setWidthFull();
        }
        email.setWidthFull();
        Button save = new Button(security.t("security.form.save"), e -> {
            try {
                security.updateOwnProfile(fullName.getValue(), email.getValue(), phone.getValue());
                Forms.success(security.t("security.form.saved"));
            } catch (ValidationException problems) {
                Forms.show(security, problems, Map.of("fullName", fullName, "email", email, "phone", phone));
            }
        });
        save.setId("profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1(security.t("security.profile.title")), username, fullName, email, phone, unit, save);
    }
}
