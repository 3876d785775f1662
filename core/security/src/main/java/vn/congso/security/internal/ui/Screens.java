package vn.congso.security.internal.ui;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;
import vn.congso.security.internal.Permissions;
import vn.congso.security.internal.SecurityService;

/**
 * The security bundle's screens that need its service: signing out, the user's own account, and
 * administration. Signing in is {@link SignInScreens}, there before the database.
 */
@Component
public final class Screens implements ScreenProvider {

    private final SecurityService security;
    private final PermissionRegistry registry;
    private final AuditLog audit;

    /** Receives what the views need. */
    @Activate
    public Screens(@Reference SecurityService security, @Reference PermissionRegistry registry,
            @Reference AuditLog audit) {
        this.security = security;
        this.registry = registry;
        this.audit = audit;
    }

    @Override
    public List<Screen<?>> screens() {
        String account = NavigationGroup.ACCOUNT.id();
        String admin = NavigationGroup.ADMINISTRATION.id();
        return List.of(
                Screen.route("logout").title("security.logout.title").icon("vaadin:sign-out").group(account).order(99)
                        .hidden().view(LogoutView.class, () -> new LogoutView(security)),
                Screen.route("account/profile").title("security.profile.title").icon("vaadin:user-card")
                        .group(account).order(10).permission(Permissions.SELF)
                        .view(ProfileView.class, () -> new ProfileView(security)),
                Screen.route("account/password").title("security.password.title").icon("vaadin:key")
                        .group(account).order(20).permission(Permissions.SELF)
                        .view(ChangePasswordView.class, () -> new ChangePasswordView(security)),
                Screen.route("admin/users").title("security.users.title").icon("vaadin:users").group(admin).order(10)
                        .permission(Permissions.USERS_MANAGE).view(UsersView.class, () -> new UsersView(security)),
                Screen.route("admin/roles").title("security.roles.title").icon("vaadin:lock").group(admin).order(20)
                        .permission(Permissions.ROLES_MANAGE)
                        .view(RolesView.class, () -> new RolesView(security, registry)),
                Screen.route("admin/audit").title("security.audit.title").icon("vaadin:records").group(admin).order(30)
                        .permission(Permissions.AUDIT_VIEW).view(AuditView.class, () -> new AuditView(security, audit)));
    }
}
