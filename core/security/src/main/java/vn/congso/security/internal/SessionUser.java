package vn.congso.security.internal;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * The signed-in account of a Vaadin session. Kept in the session (not in Shiro's thread-bound
 * subject) because Vaadin also runs code off request threads.
 *
 * @param username the account
 * @param displayName the person's name
 * @param mustChangePassword whether they must set a new password before anything else
 */
public record SessionUser(String username, String displayName, boolean mustChangePassword) implements Serializable {

    /** Session attribute name. */
    static final String ATTRIBUTE = "congso.security.user";

    /** The signed-in account of the current session, if any. */
    static Optional<SessionUser> current() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return Optional.empty();
        }
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof SessionUser user ? Optional.of(user) : Optional.empty();
    }

    /**
     * The client's address: the current request's remote address, which the web server has
     * already resolved through the trusted proxies (PID {@code vn.congso.ui},
     * {@code trustedProxies}); else the address the session started from; else empty.
     */
    static String currentAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getRemoteAddr() != null) {
            return request.getRemoteAddr();
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getBrowser() == null || session.getBrowser().getAddress() == null) {
            return "";
        }
        return session.getBrowser().getAddress();
    }
}
