package vn.congso.api;

import java.util.Locale;
import org.osgi.annotation.versioning.ProviderType;

/** The person using the platform in the current UI session, possibly an anonymous visitor. */
@ProviderType
public interface CurrentUser {

    /**
     * A stable identifier: the username of a signed-in user, or {@code "anonymous"}.
     *
     * @return the user's id
     */
    String id();

    /**
     * The name to show on screen.
     *
     * @return the display name
     */
    String displayName();

    /**
     * The language the user has chosen for this session.
     *
     * @return the user's locale
     */
    Locale locale();

    /**
     * Whether the user has signed in.
     *
     * @return {@code false} for an anonymous visitor
     */
    boolean isAuthenticated();

    /**
     * Whether the user holds a permission, in Shiro wildcard syntax (for example
     * {@code "notices:notice:publish"}).
     *
     * @param permission the permission to check
     * @return {@code true} if permitted
     */
    boolean isPermitted(String permission);

    /**
     * Whether the user signed in with a one-time password and must set a new one before
     * anything else: every other page then says so and links to the change, rather than
     * calling the page forbidden.
     *
     * @return {@code true} while the change is pending
     * @since 1.5
     */
    default boolean mustChangePassword() {
        return false;
    }

    /**
     * An anonymous visitor: not signed in, with no permission, so only public views open.
     *
     * @param locale the language the visitor has chosen
     * @return the visitor, with id {@link CurrentUserService#ANONYMOUS_ID}
     * @since 1.2.0
     */
    static CurrentUser anonymous(Locale locale) {
        return new AnonymousVisitor(locale);
    }
}
