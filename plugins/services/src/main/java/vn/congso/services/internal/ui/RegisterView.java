package vn.congso.services.internal.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.congso.api.TranslationService;
import vn.congso.api.text.Formats;
import vn.congso.api.units.OrgUnit;
import vn.congso.api.units.UnitDirectory;
import vn.congso.services.internal.citizen.CitizenRegistration;
import vn.congso.services.internal.citizen.RegistrationException;

/**
 * A citizen's own account: the application (each error on its field, nothing typed is lost on a
 * mistake), then the 6-digit code sent by e-mail, then a link to sign in with the phone number.
 */
public class RegisterView extends VerticalLayout {

    private final transient CitizenRegistration registration;
    private final Texts ui;
    private final TextField fullName = new TextField();
    private final TextField phone = new TextField();
    private final EmailField email = new EmailField();
    private final TextField idNumber = new TextField();
    private final Select<OrgUnit> unit = new Select<>();
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final TextField code = new TextField();
    private final Paragraph message = new Paragraph();
    private final VerticalLayout applicationStep = new VerticalLayout();
    private final VerticalLayout codeStep = new VerticalLayout();
    private final VerticalLayout doneStep = new VerticalLayout();
    private final Button send = new Button();
    private final Button confirm = new Button();
    private String token;

    /**
     * @param registration the registration service
     * @param units the communes and towns
     * @param translations texts
     */
    public RegisterView(CitizenRegistration registration, UnitDirectory units, TranslationService translations) {
        this.registration = registration;
        this.ui = new Texts(translations);
        setId("services-register");
        addClassName("services-page");
        field(fullName, "services-register-full-name", "services.register.full-name", 200);
        field(phone, "services-register-phone", "services.register.phone", 16);
        phone.setAllowedCharPattern("[0-9+ .]");
        phone.setHelperText(ui.t("services.register.phone.help"));
        email.setId("services-register-email");
        email.setLabel(ui.t("services.register.email"));
        email.setMaxLength(254);
        email.setRequiredIndicatorVisible(true);
        email.setHelperText(ui.t("services.register.email.help"));
        field(idNumber, "services-register-id-number", "services.register.id-number", 12);
        idNumber.setAllowedCharPattern("[0-9]");
        unit.setId("services-register-unit");
        unit.setLabel(ui.t("services.register.unit"));
        unit.setItemLabelGenerator(OrgUnit::name);
        unit.setItems(units.validOn(LocalDate.now(Formats.ZONE)).stream()
                .filter(u -> u.level() == OrgUnit.Level.COMMUNE).toList());
        // No required indicator on a Select: Vaadin puts aria-required on its value button, which
        // ARIA does not allow there (axe, critical); the service refuses an empty unit on the field.
        password.setId("services-register-password");
        password.setLabel(ui.t("services.register.password"));
        password.setMaxLength(128);
        password.setHelperText(ui.t("services.register.password.help"));
        repeat.setId("services-register-repeat");
        repeat.setLabel(ui.t("services.register.repeat"));
        repeat.setMaxLength(128);
        message.setId("services-register-message");
        send.setText(ui.t("services.register.send"));
        send.addClickListener(e -> start());
        send.setId("services-register-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        applicationStep.setPadding(false);
        applicationStep.add(new Paragraph(ui.t("services.register.intro")),
                new FormLayout(fullName, phone, email, idNumber, unit, password, repeat), send);

        field(code, "services-register-code", "services.register.code", 6);
        code.setAllowedCharPattern("[0-9]");
        confirm.setText(ui.t("services.register.confirm"));
        confirm.addClickListener(e -> confirm());
        confirm.setId("services-register-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        Button resend = new Button(ui.t("services.register.resend"), e -> resend());
        resend.setId("services-register-resend");
        Button back = new Button(ui.t("services.register.back"), e -> showStep(applicationStep));
        back.setId("services-register-back");
        codeStep.setPadding(false);
        codeStep.add(code, new HorizontalLayout(confirm, resend, back));
        codeStep.setVisible(false);
        doneStep.setPadding(false);
        doneStep.setVisible(false);
        add(new H2(ui.t("services.register.title")), message, applicationStep, codeStep, doneStep);
    }

    private void field(TextField field, String id, String labelKey, int max) {
        field.setId(id);
        field.setLabel(ui.t(labelKey));
        field.setMaxLength(max);
        field.setRequiredIndicatorVisible(true);
    }

    private void start() {
        clearErrors();
        try {
            CitizenRegistration.Started started = registration.start(new CitizenRegistration.Application(
                    fullName.getValue(), phone.getValue(), email.getValue(), idNumber.getValue(),
                    unit.getValue() == null ? "" : unit.getValue().code(), password.getValue().toCharArray(),
                    repeat.getValue().toCharArray()), ui.locale());
            token = started.token();
            sent(started);
            code.clear();
            showStep(codeStep);
        } catch (RegistrationException e) {
            show(e);
        } finally {
            send.setEnabled(true);
        }
    }

    private void sent(CitizenRegistration.Started started) {
        String until = Formats.dateTime(started.expiresAt(), ui.locale());
        message.setText(started.held() ? ui.t("services.register.sent.held", until)
                : ui.t("services.register.sent", email.getValue().strip(), until));
    }

    private void resend() {
        clearErrors();
        try {
            sent(registration.resend(token));
        } catch (RegistrationException e) {
            show(e);
        }
    }

    private void confirm() {
        clearErrors();
        try {
            String username = registration.confirm(token, code.getValue());
            password.clear();
            repeat.clear();
            message.setText(ui.t("services.register.done", username));
            Anchor signIn = new Anchor("login?redirect=services/my", ui.t("services.register.sign-in"));
            signIn.setId("services-register-sign-in");
            doneStep.removeAll();
            doneStep.add(signIn);
            showStep(doneStep);
        } catch (RegistrationException e) {
            if (e.byField().keySet().stream().anyMatch(f -> !f.equals("code") && !f.equals("form"))) {
                // Taken in the meantime: back to the form, its values kept, the error on its field.
                showStep(applicationStep);
            } else if (e.problems().stream().anyMatch(p -> p.key().equals("services.register.code.expired")
                    || p.key().equals("services.register.code.too-many-tries"))) {
                showStep(applicationStep);
            }
            show(e);
        } finally {
            confirm.setEnabled(true);
        }
    }

    private void showStep(VerticalLayout step) {
        applicationStep.setVisible(step == applicationStep);
        codeStep.setVisible(step == codeStep);
        doneStep.setVisible(step == doneStep);
    }

    private void show(RegistrationException e) {
        Map<String, HasValidation> fields = Map.of("fullName", fullName, "phone", phone, "email", email,
                "idNumber", idNumber, "unit", unit, "password", password, "repeat", repeat, "code", code);
        StringBuilder general = new StringBuilder();
        for (RegistrationException.Problem p : e.byField().values()) {
            String text = ui.t(p.key(), p.args().toArray());
            HasValidation field = fields.get(p.field());
            if (field != null) {
                field.setErrorMessage(text);
                field.setInvalid(true);
            } else {
                general.append(text).append(' ');
            }
        }
        if (general.length() > 0) {
            message.setText(general.toString().strip());
        }
    }

    private void clearErrors() {
        for (HasValidation field : List.<HasValidation>of(fullName, phone, email, idNumber, unit, password, repeat,
                code)) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }
}
