package vn.congso.ui.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;

/**
 * The language a visitor chose, kept in the Vaadin session so that it lasts across page
 * loads and tabs until the session ends. Vietnamese until someone chooses otherwise,
 * whatever the browser asks for: the portal is Vietnamese first.
 */
public final class LanguageChoice {

    /** Session attribute holding the chosen {@link Locale}. */
    public static final String SESSION_ATTRIBUTE = CurrentUserService.LOCALE_SESSION_ATTRIBUTE;

    private LanguageChoice() {
    }

    /** The session's language. */
    public static Locale of(VaadinSession session) {
        Object chosen = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return chosen instanceof Locale locale ? locale : TranslationService.VIETNAMESE;
    }

    /** Applies the session's language to a new UI. */
    public static void apply(UI ui) {
        Locale locale = of(ui.getSession());
        ui.setLocale(locale);
        ui.getElement().setAttribute("lang", locale.getLanguage());
        // The document's own language (screen readers, hyphenation, the browser's translate
        // offer); the first HTML carries it already (LanguageAttribute), this keeps it after a switch.
        ui.getPage().executeJs("document.documentElement.lang = $0", locale.getLanguage());
    }

    /** Stores a choice for the session; the caller reloads the page to show it everywhere. */
    public static void choose(VaadinSession session, Locale locale) {
        session.setAttribute(SESSION_ATTRIBUTE, locale);
        session.setLocale(locale);
    }
}
