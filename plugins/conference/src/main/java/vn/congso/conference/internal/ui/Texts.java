package vn.congso.conference.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Locale;
import vn.congso.api.TranslationService;
import vn.congso.conference.internal.domain.Conflict;
import vn.congso.api.text.Formats;

/** The page's language and its texts for one view. */
final class Texts {

    private final TranslationService translations;
    private final Locale locale;

    Texts(TranslationService translations) {
        this.translations = translations;
        this.locale = UI.getCurrent() != null ? UI.getCurrent().getLocale() : TranslationService.VIETNAMESE;
    }

    Locale locale() {
        return locale;
    }

    String t(String key, Object... args) {
        return translations.translate(key, locale, args);
    }

    String conflict(Conflict c) {
        return switch (c.kind()) {
            case MEETING -> t("conference.conflict.meeting", c.pointName(), Formats.dateTime(c.occurrence(), locale), c.with(),
                    Formats.dateTime(c.withStart(), locale), Formats.dateTime(c.withEnd(), locale));
            case BLACKOUT -> t("conference.conflict.blackout", c.pointName(), Formats.dateTime(c.occurrence(), locale),
                    c.with());
            case MAINTENANCE -> t("conference.conflict.maintenance", c.pointName(), Formats.dateTime(c.occurrence(), locale));
        };
    }

    void show(String text, NotificationVariant variant) {
        Notification n = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
        n.setId("conference-notification");
        n.addThemeVariants(variant);
    }
}
