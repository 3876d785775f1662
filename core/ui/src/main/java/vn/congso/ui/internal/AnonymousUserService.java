package vn.congso.ui.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;

/**
 * The platform's fallback {@link CurrentUserService}: everyone is an anonymous visitor who
 * may open public views only. A security bundle replaces it by registering a service with a
 * higher ranking.
 */
final class AnonymousUserService implements CurrentUserService {

    @Override
    public CurrentUser current() {
        return CurrentUser.anonymous(currentLocale());
    }

    static Locale currentLocale() {
        UI ui = UI.getCurrent();
        if (ui != null && ui.getLocale() != null) {
            return ui.getLocale();
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            Object chosen = session.getAttribute(LanguageChoice.SESSION_ATTRIBUTE);
            if (chosen instanceof Locale locale) {
                return locale;
            }
        }
        return TranslationService.VIETNAMESE;
    }
}
