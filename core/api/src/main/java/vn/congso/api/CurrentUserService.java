package vn.congso.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tells who is asking. Services and views call this rather than any security library's
 * statics, so that it works on request threads and in {@code UI.access(...)} alike. The
 * platform always provides one; the service with the highest ranking wins.
 */
@ProviderType
public interface CurrentUserService {

    /** The id of the anonymous visitor. */
    String ANONYMOUS_ID = "anonymous";

    /**
     * The {@code VaadinSession} attribute under which the UI keeps the {@link java.util.Locale}
     * a visitor chose, so that every provider of this service reads the same choice.
     */
    String LOCALE_SESSION_ATTRIBUTE = "congso.locale";

    /**
     * The user of the current UI session, or the anonymous visitor outside any session.
     *
     * @return the current user, never null
     */
    CurrentUser current();

    /**
     * Signs the current UI session out: called from a server-side action (a button in the
     * header), which carries Vaadin's CSRF token, never from a plain GET. The provider changes
     * the session id and tells the session's other open tabs. The anonymous provider has no
     * one to sign out and does nothing.
     *
     * @since 1.4
     */
    default void signOut() {
    }
}
