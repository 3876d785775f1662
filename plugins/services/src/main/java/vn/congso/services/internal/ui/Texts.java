package vn.congso.services.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.io.Serializable;
import java.util.Locale;
import java.util.function.Function;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.dossier.WorkflowException;

/** Translated texts and messages of the services screens, in the page's language. */
final class Texts implements Serializable {

    private static final long serialVersionUID = 1L;

    private final transient TranslationService translations;

    Texts(TranslationService translations) {
        this.translations = translations;
    }

    Locale locale() {
        UI ui = UI.getCurrent();
        return ui != null && ui.getLocale() != null ? ui.getLocale() : TranslationService.VIETNAMESE;
    }

    String t(String key, Object... args) {
        return translations.translate(key, locale(), args);
    }

    Function<String, String> translator() {
        return this::t;
    }

    void show(String text, NotificationVariant variant) {
        Notification n = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
        n.setId("services-notification");
        n.addThemeVariants(variant);
    }

    void success(String text) {
        show(text, NotificationVariant.LUMO_SUCCESS);
    }

    void error(String text) {
        show(text, NotificationVariant.LUMO_ERROR);
    }

    /** Says why an action was refused. */
    void refused(RuntimeException e) {
        if (e instanceof WorkflowException w && "services.error.out-of-order".equals(w.key()) && w.args().size() == 2) {
            // The action and status travel as codes: say them in the page's language.
            error(t(w.key(), t("services.action." + w.args().get(0)), t("services.status." + w.args().get(1))));
        } else if (e instanceof WorkflowException w) {
            error(t(w.key(), w.args().toArray()));
        } else if (e instanceof AccessDeniedException) {
            error(t("services.error.denied"));
        } else {
            throw e;
        }
    }
}
