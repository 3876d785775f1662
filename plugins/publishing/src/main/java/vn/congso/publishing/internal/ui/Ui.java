package vn.congso.publishing.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.Formats;
import vn.congso.publishing.internal.article.ArticleException;

/** What every publishing screen needs: texts in the page's language, dates, and messages. */
final class Ui implements Serializable {

    private static final long serialVersionUID = 1L;
    private final transient TranslationService translations;

    Ui(TranslationService translations) {
        this.translations = Objects.requireNonNull(translations, "translations");
    }

    /** @return the page's language, Vietnamese outside a UI */
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

    String dateTime(Instant instant) {
        return instant == null ? "" : Formats.dateTime(instant, locale());
    }

    String date(Instant instant) {
        return instant == null ? "" : Formats.date(instant, locale());
    }

    /** The name of a workflow state. */
    String state(Enum<?> state) {
        return t("publishing.state." + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    void success(String text) {
        show(text, NotificationVariant.LUMO_SUCCESS);
    }

    void error(String text) {
        show(text, NotificationVariant.LUMO_ERROR);
    }

    /** Tells the user why the service refused. */
    void refused(RuntimeException e) {
        if (e instanceof ArticleException a) {
            error(t(a.key(), a.args()));
        } else if (e instanceof AccessDeniedException) {
            error(t("publishing.error.denied"));
        } else {
            throw e;
        }
    }

    private void show(String text, NotificationVariant variant) {
        Notification n = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
        n.setId("publishing-notification");
        n.addThemeVariants(variant);
    }
}
