package vn.congso.security.internal.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import vn.congso.api.AbstractViewContribution;
import vn.congso.api.NavigationGroup;
import vn.congso.api.TranslationService;
import vn.congso.api.ViewContribution;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.security.PermissionContribution;
import vn.congso.security.internal.Permissions;
import vn.congso.security.internal.SecurityService;

/**
 * The security bundle's screens, each a small Declarative Services component that hands its
 * view the services it needs, and the permissions the platform core checks.
 */
public final class Contributions {

    /** The navigation group of a user's own account. */
    public static final NavigationGroup ACCOUNT = new NavigationGroup("account", "security.nav.group.account", 95);

    private Contributions() {
    }

    /** Base of a contribution: fixed metadata. */
    abstract static class Base extends AbstractViewContribution {
        Base(String route, String titleKey, String icon, String group, int order, String permission,
                boolean inNavigation) {
            super(route, titleKey, icon, group, order, permission, inNavigation);
        }
    }

    /**
     * The sign-in page: it needs only the translations, so it is there as soon as the shell is;
     * the security service, which waits for the database, is handed over when it comes.
     */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class Login extends Base {
        private final TranslationService translations;
        private final ServiceGate<SecurityService> gate = new ServiceGate<>();

        /** Creates the contribution. */
        @Activate
        public Login(@Reference TranslationService translations) {
            super("login", "security.login.title", "vaadin:sign-in", ACCOUNT.id(), 1, null, false);
            this.translations = translations;
        }

        /** The security service has started. */
        @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
                policyOption = ReferencePolicyOption.GREEDY)
        void bindSecurity(SecurityService security) {
            gate.arrived(security);
        }

        void unbindSecurity(SecurityService security) {
            gate.left(security);
        }

        @Override
        public Class<? extends Component> viewClass() {
            return LoginView.class;
        }

        @Override
        public Component createView() {
            return new LoginView(translations, gate);
        }
    }

    /** Signing out. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class Logout extends Base {
        private final SecurityService security;

        /** Creates the contribution. */
        @Activate
        public Logout(@Reference SecurityService security) {
            super("logout", "security.logout.title", "vaadin:sign-out", ACCOUNT.id(), 99, null, false);
            this.security = security;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return LogoutView.class;
        }

        @Override
        public Component createView() {
            return new LogoutView(security);
        }
    }

    /** The user's own password. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class ChangePassword extends Base {
        private final SecurityService security;

        /** Creates the contribution. */
        @Activate
        public ChangePassword(@Reference SecurityService security) {
            super("account/password", "security.password.title", "vaadin:key", ACCOUNT.id(), 20, Permissions.SELF,
                    true);
            this.security = security;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return ChangePasswordView.class;
        }

        @Override
        public Component createView() {
            return new ChangePasswordView(security);
        }
    }

    /** The user's own profile. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class Profile extends Base {
        private final SecurityService security;

        /** Creates the contribution. */
        @Activate
        public Profile(@Reference SecurityService security) {
            super("account/profile", "security.profile.title", "vaadin:user-card", ACCOUNT.id(), 10,
                    Permissions.SELF, true);
            this.security = security;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return ProfileView.class;
        }

        @Override
        public Component createView() {
            return new ProfileView(security);
        }
    }

    /** Account administration. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class Users extends Base {
        private final SecurityService security;

        /** Creates the contribution. */
        @Activate
        public Users(@Reference SecurityService security) {
            super("admin/users", "security.users.title", "vaadin:users", NavigationGroup.ADMINISTRATION.id(), 10,
                    Permissions.USERS_MANAGE, true);
            this.security = security;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return UsersView.class;
        }

        @Override
        public Component createView() {
            return new UsersView(security);
        }
    }

    /** Roles and their permissions. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class Roles extends Base {
        private final SecurityService security;
        private final PermissionRegistry registry;

        /** Creates the contribution. */
        @Activate
        public Roles(@Reference SecurityService security, @Reference PermissionRegistry registry) {
            super("admin/roles", "security.roles.title", "vaadin:lock", NavigationGroup.ADMINISTRATION.id(), 20,
                    Permissions.ROLES_MANAGE, true);
            this.security = security;
            this.registry = registry;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return RolesView.class;
        }

        @Override
        public Component createView() {
            return new RolesView(security, registry);
        }
    }

    /** The audit log. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class Audit extends Base {
        private final SecurityService security;
        private final AuditLog audit;

        /** Creates the contribution. */
        @Activate
        public Audit(@Reference SecurityService security, @Reference AuditLog audit) {
            super("admin/audit", "security.audit.title", "vaadin:records", NavigationGroup.ADMINISTRATION.id(), 30,
                    Permissions.AUDIT_VIEW, true);
            this.security = security;
            this.audit = audit;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return AuditView.class;
        }

        @Override
        public Component createView() {
            return new AuditView(security, audit);
        }
    }

    /** The permissions the platform core checks. */
    @org.osgi.service.component.annotations.Component(service = PermissionContribution.class)
    public static final class CorePermissions implements PermissionContribution {
        @Override
        public List<Permission> permissions() {
            return List.of(
                    new Permission(Permissions.USERS_MANAGE, "security.permission.users-manage"),
                    new Permission(Permissions.ROLES_MANAGE, "security.permission.roles-manage"),
                    new Permission(Permissions.AUDIT_VIEW, "security.permission.audit-view"),
                    new Permission(Permissions.BACKUP, "security.permission.backup"),
                    new Permission(Permissions.PLUGINS_MANAGE, "security.permission.plugins-manage"));
        }
    }
}
