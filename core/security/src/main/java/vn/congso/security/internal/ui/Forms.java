package vn.congso.security.internal.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Map;
import vn.congso.security.internal.SecurityService;
import vn.congso.security.internal.ValidationException;

/** Shows validation problems on the fields they name, and notices. */
final class Forms {

    private Forms() {
    }

    /** Marks each named field invalid with its message; problems without a field go to a notice. */
    static void show(SecurityService security, ValidationException e, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        StringBuilder other = new StringBuilder();
        for (ValidationException.Problem problem : e.problems()) {
            String message = security.t(problem.key(), problem.value());
            HasValidation field = fields.get(problem.field());
            if (field != null) {
                field.setErrorMessage(field.isInvalid() ? field.getErrorMessage() + " " + message : message);
                field.setInvalid(true);
            } else {
                other.append(problem.field().startsWith("line ") ? problem.field() + ": " : "").append(message)
                        .append('\n');
            }
        }
        if (other.length() > 0) {
            error(other.toString().trim());
        }
    }

    static void error(String text) {
        Notification notification = new Notification(text, 8000, Notification.Position.TOP_CENTER);
        notification.setId("form-error");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }

    static void success(String text) {
        Notification notification = new Notification(text, 5000, Notification.Position.TOP_CENTER);
        notification.setId("form-success");
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.open();
    }
}
