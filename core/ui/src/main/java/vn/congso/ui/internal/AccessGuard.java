package vn.congso.ui.internal;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.ui.internal.ui.AccessDeniedView;

/**
 * Enforces a view's required permission on every navigation, so that hiding the entry is not
 * the only door: a visitor who is not signed in is sent to the sign-in page (when a plugin
 * provides one, route {@value #LOGIN_ROUTE}) and comes back afterwards; a signed-in user
 * without the permission sees the access-denied page.
 */
final class AccessGuard implements BeforeEnterListener {

    /** The route of the sign-in view, when a security bundle contributes one. */
    static final String LOGIN_ROUTE = "login";

    private static final long serialVersionUID = 1L;
    /** Static: the listener travels with the (serialisable) UI. */
    private static final Logger LOG = LoggerFactory.getLogger(AccessGuard.class);
    private final transient Platform platform;

    AccessGuard(Platform platform) {
        this.platform = platform;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> permission = platform.views().byViewClass(event.getNavigationTarget())
                .flatMap(active -> active.entry().permission());
        if (permission.isEmpty()) {
            return;
        }
        CurrentUser user = platform.currentUser();
        if (user.isPermitted(permission.get())) {
            return;
        }
        if (!user.isAuthenticated() && platform.views().byRoute(LOGIN_ROUTE).isPresent()) {
            String back = event.getLocation().getPathWithQueryParameters();
            event.forwardTo(LOGIN_ROUTE, new QueryParameters(Map.of("redirect", List.of(back))));
            return;
        }
        if (user.mustChangePassword()) {
            // Not a refusal: the page opens once the one-time password is replaced.
            LOG.info("Password change pending before {}", event.getLocation().getPath());
            event.rerouteTo(AccessDeniedView.class);
            return;
        }
        LOG.warn("Access denied to {}: missing permission {}", event.getLocation().getPath(), permission.get());
        event.rerouteTo(AccessDeniedView.class);
    }
}
