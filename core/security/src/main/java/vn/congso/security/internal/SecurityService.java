package vn.congso.security.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UnknownAccountException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.cache.MemoryConstrainedCacheManager;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.text.VietnameseText;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.security.AccountProvisioning;
import vn.congso.api.security.RunAs;
import vn.congso.api.security.UserDirectory;

/**
 * Sign-in, the current user, and account administration. Authentication and authorisation
 * go through a Shiro security manager over a realm backed by the platform database; the
 * signed-in account is kept in the Vaadin session. Every method that changes data checks
 * its permission here, and every change or refusal is audited.
 */
@Component(service = {CurrentUserService.class, RunAs.class, UserDirectory.class, AccountProvisioning.class,
        SecurityService.class}, property = "service.ranking:Integer=100",
        configurationPid = "vn.congso.security")
@Designate(ocd = SecurityService.Config.class)
public final class SecurityService implements CurrentUserService, RunAs, UserDirectory, AccountProvisioning {

    /** Sign-in protection settings; names and descriptions in {@code OSGI-INF/l10n/metatype*.properties}. */
    @ObjectClassDefinition(localization = METATYPE_L10N, name = "%security.name",
            description = "%security.description")
    @interface Config {
        /** Failed sign-ins that lock an account (for clients that are not its known devices). */
        @AttributeDefinition(name = "%security.maxFailures.name", description = "%security.maxFailures.description",
                min = "1")
        int maxFailures() default 5;

        /** Minutes in which failures are counted. */
        @AttributeDefinition(name = "%security.failureWindowMinutes.name",
                description = "%security.failureWindowMinutes.description", min = "1")
        int failureWindowMinutes() default 15;

        /** Minutes an account (or address) stays locked. */
        @AttributeDefinition(name = "%security.lockoutMinutes.name",
                description = "%security.lockoutMinutes.description", min = "1")
        int lockoutMinutes() default 15;

        /** Failed sign-ins from one client address, over any names, that lock the address. */
        @AttributeDefinition(name = "%security.addressMaxFailures.name",
                description = "%security.addressMaxFailures.description", min = "1")
        int addressMaxFailures() default 20;

        /** Days a browser stays a known device of an account after signing in to it. */
        @AttributeDefinition(name = "%security.knownDeviceDays.name",
                description = "%security.knownDeviceDays.description", min = "1")
        int knownDeviceDays() default 180;

        /** Whether plugins may create their demo accounts (AccountProvisioning#createDemoAccounts). */
        @AttributeDefinition(name = "%security.demoAccounts.name", description = "%security.demoAccounts.description")
        boolean demoAccounts() default false;
    }

    /** The base name of this bundle's metatype translations (Vietnamese default, {@code _en} English). */
    static final String METATYPE_L10N = "OSGI-INF/l10n/metatype";

    /** How a sign-in ended. */
    public enum LoginOutcome {
        /** Signed in. */
        SUCCESS,
        /** Signed in, but a new password must be set first. */
        MUST_CHANGE_PASSWORD,
        /** Wrong username or password (or a disabled account: the message is the same). */
        BAD_CREDENTIALS,
        /** Too many failures: locked for a while. */
        LOCKED
    }

    /**
     * The result of a sign-in.
     *
     * @param outcome how it ended
     * @param lockedUntil when a lockout ends
     */
    public record LoginResult(LoginOutcome outcome, Optional<Instant> lockedUntil) {
    }

    private static final String BOOTSTRAP_ADMIN = "admin";
    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final Logger log = LoggerFactory.getLogger(SecurityService.class);
    private final SecurityStore store;
    private final AuditLog audit;
    private final TranslationService translations;
    private final Argon2Passwords passwords = Argon2Passwords.standard();
    private final LockoutPolicy lockout;
    private final KnownDevices knownDevices;
    private final DefaultSecurityManager securityManager;
    private final DatabaseRealm realm;
    private final String dummyHash;
    private final SecureRandom random = new SecureRandom();
    /** The user {@link #call} runs work as, on this thread; wins over the Vaadin session's. */
    private final ThreadLocal<CurrentUser> bound = new ThreadLocal<>();
    private final Provisioning provisioning;
    private final SelfRegistrations selfRegistrations;

    /** Starts the service; creates the first administrator on an empty database. */
    @Activate
    public SecurityService(@Reference Database database, @Reference AuditLog audit,
            @Reference TranslationService translations, Config config) {
        this.store = new SecurityStore(database.dataSource());
        this.audit = audit;
        this.translations = translations;
        Clock clock = Clock.systemUTC();
        this.lockout = new LockoutPolicy(config.maxFailures(), Duration.ofMinutes(config.failureWindowMinutes()),
                Duration.ofMinutes(config.lockoutMinutes()), config.addressMaxFailures(),
                new Limits(clock, LimitStore.jdbc(database.dataSource())));
        this.knownDevices = new KnownDevices(database.dataSource(), clock, Duration.ofDays(config.knownDeviceDays()));
        this.realm = new DatabaseRealm();
        this.securityManager = new DefaultSecurityManager(realm);
        this.dummyHash = passwords.hash("not-a-real-password-0".toCharArray());
        bootstrapAdministrator();
        this.provisioning = new Provisioning(store, audit, translations, config.demoAccounts(),
                password -> passwords.hash(password.toCharArray()), () -> randomPassword(14));
        this.selfRegistrations = new SelfRegistrations(store, audit, passwords::hash);
    }

    /** Self-registration's rules, shared by every bundle's {@link SelfRegistrationService}. */
    SelfRegistrations selfRegistrations() {
        return selfRegistrations;
    }

    /**
     * The sign-in page's links to plugins' registration screens (route and translation key of the
     * text); the page shows those whose route is registered now.
     *
     * @return route and text key of each role opened to self-registration
     */
    public List<Map.Entry<String, String>> registrationLinks() {
        return selfRegistrations.links().stream()
                .map(l -> Map.entry(l.route(), l.linkKey())).toList();
    }

    /** The Shiro realm over {@link SecurityStore}: Argon2id credentials, role permissions. */
    private final class DatabaseRealm extends AuthorizingRealm {
        DatabaseRealm() {
            super(new MemoryConstrainedCacheManager(), (token, info) -> passwords.verify(
                    ((UsernamePasswordToken) token).getPassword(), (String) info.getCredentials()));
            setName("congso");
            setAuthenticationCachingEnabled(false);
            setAuthorizationCachingEnabled(true);
        }

        @Override
        protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
            String username = ((UsernamePasswordToken) token).getUsername();
            Optional<SecurityStore.User> user;
            try {
                user = store.findUser(username);
            } catch (SQLException e) {
                throw new AuthenticationException("database unavailable", e);
            }
            if (user.isEmpty() || !user.get().data().enabled()) {
                // Same work as for a real account, so timing does not tell whether it exists.
                passwords.verify(((UsernamePasswordToken) token).getPassword(), dummyHash);
                throw new UnknownAccountException();
            }
            return new SimpleAuthenticationInfo(user.get().data().username(), user.get().passwordHash(), getName());
        }

        @Override
        protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
            String username = (String) principals.getPrimaryPrincipal();
            SimpleAuthorizationInfo info = new SimpleAuthorizationInfo();
            try {
                info.setStringPermissions(store.permissionsOf(username));
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read permissions of " + username, e);
            }
            info.addStringPermission(Permissions.SELF);
            return info;
        }

        void forgetAuthorizations() {
            if (getAuthorizationCache() != null) {
                getAuthorizationCache().clear();
            }
        }
    }

    /** Creates the administrator on an empty database; {@code true} when this was the first start. */
    private boolean bootstrapAdministrator() {
        try {
            if (store.findUser(BOOTSTRAP_ADMIN).isPresent()) {
                return false;
            }
            String password = randomPassword(20);
            store.inTransaction(c -> store.insertUser(c, new UserData(BOOTSTRAP_ADMIN, "Quản trị hệ thống", "", "",
                    "district", true, Set.of("administrator")), passwords.hash(password.toCharArray()), true));
            Path file = Path.of(System.getProperty("karaf.data", "."), "admin-password.txt");
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING);
            // Printed once, on the console of the first start; it must be changed at first sign-in.
            System.out.println();
            System.out.println("CongSo: first start. Administrator account 'admin', password: " + password);
            System.out.println("CongSo: the password is also in " + file + " (owner-only); it must be changed "
                    + "at the first sign-in.");
            System.out.println();
            log.info("Created the administrator account 'admin'; its one-time password is in {}", file);
            audit.record("system", "", "security.user.create", BOOTSTRAP_ADMIN, Outcome.SUCCESS,
                    AuditLog.Message.of("security.audit.detail.first-start"));
            return true;
        } catch (SQLException | IOException e) {
            log.error("Cannot create the administrator account: {}", e.toString(), e);
            return false;
        }
    }

    @Override
    public void declareRoles(List<RoleDefinition> roles) {
        provisioning.declareRoles(roles);
        realm.forgetAuthorizations();
    }

    @Override
    public List<String> createDemoAccounts(List<DemoAccount> accounts) {
        return provisioning.createDemoAccounts(accounts);
    }

    String randomPassword(int length) {
        StringBuilder password = new StringBuilder();
        while (true) {
            password.setLength(0);
            for (int i = 0; i < length; i++) {
                password.append(PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)]);
            }
            if (PasswordPolicy.violations("", password.toString()).isEmpty()) {
                return password.toString();
            }
        }
    }

    // ---- CurrentUserService ----

    @Override
    public CurrentUser current() {
        CurrentUser runningAs = bound.get();
        if (runningAs != null) {
            return runningAs;
        }
        Optional<SessionUser> user = SessionUser.current();
        Locale locale = currentLocale();
        if (user.isEmpty()) {
            return CurrentUser.anonymous(locale);
        }
        return signedIn(user.get(), locale);
    }

    private SignedIn signedIn(SessionUser user, Locale locale) {
        return new SignedIn(user, locale, new SimplePrincipalCollection(user.username(), realm.getName()));
    }

    private static Locale currentLocale() {
        UI ui = UI.getCurrent();
        if (ui != null && ui.getLocale() != null) {
            return ui.getLocale();
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getAttribute(LOCALE_SESSION_ATTRIBUTE) instanceof Locale locale) {
            return locale;
        }
        return TranslationService.VIETNAMESE;
    }

    private final class SignedIn implements CurrentUser {
        private final SessionUser user;
        private final Locale locale;
        private final PrincipalCollection principals;

        SignedIn(SessionUser user, Locale locale, PrincipalCollection principals) {
            this.user = user;
            this.locale = locale;
            this.principals = principals;
        }

        @Override
        public String id() {
            return user.username();
        }

        @Override
        public String displayName() {
            return user.displayName();
        }

        @Override
        public Locale locale() {
            return locale;
        }

        @Override
        public boolean isAuthenticated() {
            return true;
        }

        @Override
        public boolean mustChangePassword() {
            return user.mustChangePassword();
        }

        @Override
        public boolean isPermitted(String permission) {
            if (permission == null || permission.isBlank()) {
                return false;
            }
            if (user.mustChangePassword()) {
                // Until the one-time password is replaced, the account may only do that.
                return Permissions.SELF.equals(permission);
            }
            return securityManager.isPermitted(principals, permission);
        }
    }

    // ---- Sign-in ----

    /**
     * Signs in the current Vaadin session. Changes the session id on success.
     *
     * @param username the name typed
     * @param password the password typed
     * @return the outcome
     */
    public LoginResult login(String username, char[] password) {
        String address = SessionUser.currentAddress();
        VaadinRequest request = VaadinRequest.getCurrent();
        String deviceToken = request == null ? null : deviceCookie(request);
        Verification verification = verify(username, password, address, deviceToken);
        verification.user().ifPresent(user -> {
            if (request != null) {
                if (!verification.knownDevice()) {
                    rememberDevice(request, user.username());
                }
                // A new session id at sign-in defeats session fixation.
                VaadinService.reinitializeSession(request);
            }
            VaadinSession session = VaadinSession.getCurrent();
            if (session != null) {
                session.setAttribute(SessionUser.ATTRIBUTE, user);
            }
        });
        return verification.result();
    }

    /** The outcome of checking a password, the account when it was right, and whether the browser is known. */
    private record Verification(LoginResult result, Optional<SessionUser> user, boolean knownDevice) {
    }

    /** The known-device cookie's value, if the browser sent one. */
    private static String deviceCookie(VaadinRequest request) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie cookie : cookies) {
                if (KnownDevices.COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** Gives the browser that just signed in a known-device cookie for the account. */
    private void rememberDevice(VaadinRequest request, String username) {
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response == null) {
            return;
        }
        String token;
        try {
            token = knownDevices.remember(username);
        } catch (SQLException e) {
            // Signing in still works; this browser is just not exempt from others' lockouts.
            log.error("Cannot remember the device of {}: {}", username, e.toString(), e);
            return;
        }
        jakarta.servlet.http.Cookie cookie = new jakarta.servlet.http.Cookie(KnownDevices.COOKIE, token);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, knownDevices.lifetime().toSeconds()));
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }

    /**
     * Checks a sign-in without a Vaadin session, for tests: the same lockout, known devices and audit.
     *
     * @param deviceToken the known-device cookie's value, or null
     */
    LoginResult check(String username, char[] password, String address, String deviceToken) {
        return verify(username, password, address, deviceToken).result();
    }

    /** Makes a device known for an account, for tests; returns the cookie's value. */
    String rememberDevice(String username) throws SQLException {
        return knownDevices.remember(username);
    }

    /** Checks a password with lockout and audit; shared by the sign-in page and {@link #authenticate}. */
    private Verification verify(String username, char[] password, String address, String deviceToken) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        String device;
        try {
            device = knownDevices.deviceOf(deviceToken, name).orElse("");
        } catch (SQLException e) {
            log.error("Cannot read known devices; treating the browser as unknown: {}", e.toString(), e);
            device = "";
        }
        LockoutPolicy.Origin origin = new LockoutPolicy.Origin(address, device);
        Optional<Instant> locked = lockout.lockedUntil(name, origin);
        if (locked.isPresent()) {
            audit.record(name, address, "security.login", name, Outcome.DENIED, AuditLog.Message.of("security.audit.detail.locked"));
            return new Verification(new LoginResult(LoginOutcome.LOCKED, locked), Optional.empty(), false);
        }
        try {
            securityManager.authenticate(new UsernamePasswordToken(name, password));
        } catch (AuthenticationException e) {
            boolean nowLocked = lockout.recordFailure(name, origin);
            audit.record(name, address, "security.login", name, Outcome.FAILURE,
                    AuditLog.Message.of("security.audit.detail.bad-credentials"));
            if (nowLocked) {
                audit.record(name, address, "security.lockout", name, Outcome.DENIED,
                        AuditLog.Message.of("security.audit.detail.too-many-failures"));
                return new Verification(new LoginResult(LoginOutcome.LOCKED, lockout.lockedUntil(name, origin)),
                        Optional.empty(), false);
            }
            return new Verification(new LoginResult(LoginOutcome.BAD_CREDENTIALS, Optional.empty()), Optional.empty(),
                    false);
        }
        lockout.recordSuccess(name, origin);
        SecurityStore.User user;
        try {
            user = store.findUser(name).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read account " + name, e);
        }
        audit.record(name, address, "security.login", name, Outcome.SUCCESS, "");
        SessionUser signedIn = new SessionUser(user.data().username(), user.data().fullName(),
                user.mustChangePassword());
        return new Verification(new LoginResult(user.mustChangePassword() ? LoginOutcome.MUST_CHANGE_PASSWORD
                : LoginOutcome.SUCCESS, Optional.empty()), Optional.of(signedIn), origin.trusted());
    }

    // ---- RunAs ----

    @Override
    public Optional<CurrentUser> authenticate(String username, char[] password, String address) {
        return verify(username, password, address == null ? "" : address, null).user()
                .map(user -> signedIn(user, TranslationService.VIETNAMESE));
    }

    @Override
    public CurrentUser system(String name) {
        if (name == null || name.indexOf(':') <= 0) {
            throw new IllegalArgumentException("a system actor's name needs a prefix such as 'console:': " + name);
        }
        return new SystemActor(name);
    }

    @Override
    public <T> T call(CurrentUser user, Callable<T> work) throws Exception {
        CurrentUser previous = bound.get();
        bound.set(Objects.requireNonNull(user, "user"));
        try {
            return work.call();
        } finally {
            if (previous == null) {
                bound.remove();
            } else {
                bound.set(previous);
            }
        }
    }

    /** A trusted in-process actor: a shell user or a scheduled task. */
    private record SystemActor(String id) implements CurrentUser {
        @Override
        public String displayName() {
            return id;
        }

        @Override
        public Locale locale() {
            return TranslationService.VIETNAMESE;
        }

        @Override
        public boolean isAuthenticated() {
            return true;
        }

        @Override
        public boolean isPermitted(String permission) {
            return permission != null && !permission.isBlank();
        }
    }

    @Override
    public void signOut() {
        logout();
    }

    /**
     * Signs the current session out from a server-side action (never a GET): forgets the
     * account, gives the session a new id, and tells the session's other open tabs, which show
     * a notice and move to the sign-in page.
     */
    public void logout() {
        Optional<SessionUser> user = SessionUser.current();
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return;
        }
        session.setAttribute(SessionUser.ATTRIBUTE, null);
        user.ifPresent(u -> audit.record(u.username(), SessionUser.currentAddress(), "security.logout", u.username(),
                Outcome.SUCCESS, ""));
        UI here = UI.getCurrent();
        for (UI other : session.getUIs()) {
            if (other != here && user.isPresent()) {
                // Runs when this request releases the session; push brings it to the other tab.
                other.access(() -> {
                    com.vaadin.flow.component.notification.Notification notice =
                            new com.vaadin.flow.component.notification.Notification(
                                    translations.translate("security.logout.elsewhere", other.getLocale()), 10_000,
                                    com.vaadin.flow.component.notification.Notification.Position.TOP_CENTER);
                    notice.setId("signed-out-notice");
                    notice.open();
                    other.navigate("login");
                });
            }
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            // A new session id at sign-out: an id seen while signed in is worth nothing afterwards.
            VaadinService.reinitializeSession(request);
        }
    }

    // ---- Own account ----

    /**
     * Changes the signed-in user's password.
     *
     * @param current the current password
     * @param next the new password
     * @param repeat the new password again
     * @throws ValidationException naming the field at fault
     */
    public void changeOwnPassword(char[] current, char[] next, char[] repeat) {
        String username = ownUsername();
        List<ValidationException.Problem> problems = new ArrayList<>();
        SecurityStore.User stored = find(username);
        if (!passwords.verify(current, stored.passwordHash())) {
            problems.add(new ValidationException.Problem("current", "security.password.current-wrong", ""));
        }
        String candidate = new String(next);
        for (String key : PasswordPolicy.violations(username, candidate)) {
            problems.add(new ValidationException.Problem("new", key, ""));
        }
        if (!candidate.equals(new String(repeat))) {
            problems.add(new ValidationException.Problem("repeat", "security.password.mismatch", ""));
        }
        if (problems.isEmpty() && passwords.verify(next, stored.passwordHash())) {
            problems.add(new ValidationException.Problem("new", "security.password.same", ""));
        }
        if (!problems.isEmpty()) {
            audit.record("security.password.change", username, Outcome.DENIED,
                    AuditLog.Message.of("security.audit.detail.password-refused", problems.size()));
            throw new ValidationException(problems);
        }
        try {
            store.setPassword(stored.id(), passwords.hash(next), false);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change the password", e);
        }
        SessionUser.current().ifPresent(s -> VaadinSession.getCurrent().setAttribute(SessionUser.ATTRIBUTE,
                new SessionUser(s.username(), s.displayName(), false)));
        audit.record("security.password.change", username, Outcome.SUCCESS, "");
    }

    /** The signed-in user's own account. */
    public SecurityStore.User ownAccount() {
        return find(ownUsername());
    }

    /** The account of whoever is current (a session's or a {@link #call}'s user); not a system actor. */
    private String ownUsername() {
        CurrentUser user = current();
        if (!user.isAuthenticated() || user instanceof SystemActor) {
            throw new AccessDeniedException(Permissions.SELF);
        }
        return user.id();
    }

    /**
     * Updates the signed-in user's own name, e-mail and phone.
     *
     * @throws ValidationException naming the field at fault
     */
    public void updateOwnProfile(String fullName, String email, String phone) {
        SecurityStore.User user = ownAccount();
        UserData next = new UserData(user.data().username(), fullName == null ? "" : fullName.trim(),
                email == null ? "" : email.trim(), phone == null ? "" : phone.trim(), user.data().unit(),
                user.data().enabled(), user.data().roles());
        validate(next, false);
        try {
            store.inTransaction(c -> {
                store.updateUser(c, user.id(), next);
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the profile", e);
        }
        SessionUser.current().ifPresent(s -> VaadinSession.getCurrent().setAttribute(SessionUser.ATTRIBUTE,
                new SessionUser(s.username(), next.fullName(), s.mustChangePassword())));
        audit.record("security.profile.update", user.data().username(), Outcome.SUCCESS, "");
    }

    // ---- Administration ----

    /** Every account. Requires {@code platform:users:manage}. */
    public List<SecurityStore.User> users() {
        require(Permissions.USERS_MANAGE, "security.user.list", "");
        try {
            return store.users();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users", e);
        }
    }

    /**
     * Creates an account with a one-time password that must be changed at first sign-in.
     *
     * @return the one-time password, to hand to the person
     * @throws ValidationException naming the field at fault
     */
    public String createUser(UserData data) {
        require(Permissions.USERS_MANAGE, "security.user.create", data.username());
        UserData normalised = normalise(data);
        validate(normalised, true);
        String password = randomPassword(14);
        try {
            store.inTransaction(c -> store.insertUser(c, normalised, passwords.hash(password.toCharArray()), true));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the account", e);
        }
        audit.record("security.user.create", normalised.username(), Outcome.SUCCESS,
                AuditLog.Message.of("security.audit.detail.user-created", String.join(", ", normalised.roles()),
                        normalised.unit()));
        return password;
    }

    /**
     * Updates an account's facts, state and roles.
     *
     * @throws ValidationException naming the field at fault
     */
    public void updateUser(UserData data) {
        require(Permissions.USERS_MANAGE, "security.user.update", data.username());
        UserData normalised = normalise(data);
        validate(normalised, false);
        SecurityStore.User user = find(normalised.username());
        if (user.data().username().equals(BOOTSTRAP_ADMIN) && current().id().equals(BOOTSTRAP_ADMIN)
                && (!normalised.enabled() || !normalised.roles().contains("administrator"))) {
            throw new ValidationException(List.of(new ValidationException.Problem("roles",
                    "security.user.cannot-demote-self", "")));
        }
        try {
            store.inTransaction(c -> {
                store.updateUser(c, user.id(), normalised);
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the account", e);
        }
        realm.forgetAuthorizations();
        audit.record("security.user.update", normalised.username(), Outcome.SUCCESS,
                AuditLog.Message.of("security.audit.detail.user-updated", normalised.enabled() ? 1 : 0,
                        String.join(", ", normalised.roles())));
    }

    /**
     * Gives an account a new one-time password.
     *
     * @return the one-time password
     */
    public String resetPassword(String username) {
        require(Permissions.USERS_MANAGE, "security.user.reset-password", username);
        SecurityStore.User user = find(username);
        String password = randomPassword(14);
        try {
            store.setPassword(user.id(), passwords.hash(password.toCharArray()), true);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the password", e);
        }
        lockout.recordSuccess(username);
        audit.record("security.user.reset-password", username, Outcome.SUCCESS, "");
        return password;
    }

    /**
     * Checks an import file without saving anything.
     *
     * @param csv the file's text
     * @return the rows or the problems
     */
    public UserCsv.Result checkImport(String csv) {
        require(Permissions.USERS_MANAGE, "security.user.import", "");
        try {
            Set<String> units = store.units().stream().map(SecurityStore.Unit::id).collect(Collectors.toSet());
            Set<String> roles = store.roles().stream().map(SecurityStore.Role::id).collect(Collectors.toSet());
            return UserCsv.parse(csv, units, roles, store.usernames());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the import", e);
        }
    }

    /**
     * Imports every user of a file in one transaction, or none.
     *
     * @return username → one-time password, in file order
     * @throws ValidationException naming each bad line
     */
    public java.util.LinkedHashMap<String, String> importUsers(String csv) {
        UserCsv.Result result = checkImport(csv);
        if (!result.ok()) {
            audit.record("security.user.import", "", Outcome.DENIED,
                    AuditLog.Message.of("security.audit.detail.import-refused", result.problems().size()));
            throw new ValidationException(result.problems().stream()
                    .map(p -> new ValidationException.Problem("line " + p.line(), p.key(), p.value())).toList());
        }
        java.util.LinkedHashMap<String, String> created = new java.util.LinkedHashMap<>();
        for (UserCsv.Row row : result.rows()) {
            created.put(row.user().username(), randomPassword(14));
        }
        try {
            store.inTransaction(c -> {
                for (UserCsv.Row row : result.rows()) {
                    store.insertUser(c, row.user(),
                            passwords.hash(created.get(row.user().username()).toCharArray()), true);
                }
                return null;
            });
        } catch (SQLException e) {
            audit.record("security.user.import", "", Outcome.FAILURE, e.getMessage());
            throw new IllegalStateException("The import was rolled back: " + e.getMessage(), e);
        }
        audit.record("security.user.import", "", Outcome.SUCCESS,
                AuditLog.Message.of("security.audit.detail.imported", created.size(), String.join(", ", created.keySet())));
        return created;
    }

    /** Every role. Requires {@code platform:roles:manage} or {@code platform:users:manage}. */
    public List<SecurityStore.Role> roles() {
        CurrentUser user = current();
        if (!user.isPermitted(Permissions.ROLES_MANAGE) && !user.isPermitted(Permissions.USERS_MANAGE)) {
            audit.record("security.role.list", "", Outcome.DENIED,
                    AuditLog.Message.of("audit.detail.missing-permission", Permissions.ROLES_MANAGE));
            throw new AccessDeniedException(Permissions.ROLES_MANAGE);
        }
        try {
            return store.roles();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read roles", e);
        }
    }

    /**
     * Replaces a role's permissions.
     *
     * @throws ValidationException for an invalid permission
     */
    public void setRolePermissions(String roleId, Set<String> permissions) {
        require(Permissions.ROLES_MANAGE, "security.role.update", roleId);
        List<ValidationException.Problem> problems = new ArrayList<>();
        for (String permission : permissions) {
            if (!Permissions.isValid(permission)) {
                problems.add(new ValidationException.Problem("permission", "security.role.permission.invalid",
                        permission));
            }
        }
        if ("administrator".equals(roleId) && !permissions.contains("*")) {
            problems.add(new ValidationException.Problem("permission", "security.role.admin-keeps-all", ""));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try {
            store.setRolePermissions(roleId, permissions);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update role " + roleId, e);
        }
        realm.forgetAuthorizations();
        audit.record("security.role.update", roleId, Outcome.SUCCESS,
                AuditLog.Message.of("security.audit.detail.role-permissions", permissions.size(), String.join(", ", permissions)));
    }

    /** Prefix of the ids of roles administrators make, so that no plugin's declared role takes one over. */
    static final String CUSTOM_ROLE_PREFIX = "custom-";
    /** The longest role name. */
    public static final int ROLE_NAME_MAX = 100;

    /**
     * Makes a role of the administrator's own (a clerk, an internal auditor), without permissions;
     * they are then ticked in the matrix. Its id comes from the Vietnamese name.
     *
     * @param nameVi the Vietnamese name
     * @param nameEn the English name (the Vietnamese one when blank)
     * @return the new role's id
     * @throws ValidationException for a blank or too long name, or a name another role has
     */
    public String createRole(String nameVi, String nameEn) {
        require(Permissions.ROLES_MANAGE, "security.role.create", nameVi == null ? "" : nameVi);
        String vi = nameVi == null ? "" : nameVi.strip();
        String en = nameEn == null || nameEn.isBlank() ? vi : nameEn.strip();
        List<ValidationException.Problem> problems = new ArrayList<>();
        if (vi.isEmpty()) {
            problems.add(new ValidationException.Problem("nameVi", "security.role.name.required", ""));
        } else if (vi.length() > ROLE_NAME_MAX || en.length() > ROLE_NAME_MAX) {
            problems.add(new ValidationException.Problem(vi.length() > ROLE_NAME_MAX ? "nameVi" : "nameEn",
                    "security.role.name.too-long", String.valueOf(ROLE_NAME_MAX)));
        }
        List<SecurityStore.Role> existing;
        try {
            existing = store.roles();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read roles", e);
        }
        if (problems.isEmpty() && existing.stream().anyMatch(r -> VietnameseText.fold(r.nameVi()).equals(VietnameseText.fold(vi))
                || VietnameseText.fold(r.nameEn()).equals(VietnameseText.fold(en)))) {
            problems.add(new ValidationException.Problem("nameVi", "security.role.name.taken", vi));
        }
        String base = CUSTOM_ROLE_PREFIX + VietnameseText.slug(vi, 64 - CUSTOM_ROLE_PREFIX.length() - 3);
        if (problems.isEmpty() && base.equals(CUSTOM_ROLE_PREFIX)) {
            problems.add(new ValidationException.Problem("nameVi", "security.role.name.no-letters", vi));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try {
            for (int n = 1; n < 100; n++) {
                String id = n == 1 ? base : base + "-" + n;
                if (store.createRole(id, vi, en)) {
                    realm.forgetAuthorizations();
                    audit.record("security.role.create", id, Outcome.SUCCESS,
                            AuditLog.Message.of("security.audit.detail.role-created", vi, en));
                    return id;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create role " + vi, e);
        }
        throw new ValidationException(List.of(new ValidationException.Problem("nameVi", "security.role.name.taken", vi)));
    }

    /**
     * Deletes a role the administrators made, when no account holds it any more.
     *
     * @param roleId the role's id
     * @throws ValidationException for a built-in or plugin role, or a role some accounts hold
     */
    public void deleteRole(String roleId) {
        require(Permissions.ROLES_MANAGE, "security.role.delete", roleId);
        try {
            SecurityStore.Role role = store.roles().stream().filter(r -> r.id().equals(roleId)).findFirst()
                    .orElseThrow(() -> new ValidationException(List.of(
                            new ValidationException.Problem("role", "security.role.unknown", roleId))));
            if (role.builtIn()) {
                throw new ValidationException(List.of(new ValidationException.Problem("role", "security.role.built-in",
                        role.nameVi())));
            }
            int holders = store.holders(roleId);
            if (holders > 0 || !store.deleteCustomRole(roleId)) {
                throw new ValidationException(List.of(new ValidationException.Problem("role", "security.role.held",
                        String.valueOf(Math.max(holders, 1)))));
            }
            realm.forgetAuthorizations();
            audit.record("security.role.delete", roleId, Outcome.SUCCESS,
                    AuditLog.Message.of("security.audit.detail.role-deleted", role.nameVi()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete role " + roleId, e);
        }
    }

    /** The organisational units, as the store keeps them (for the account screens). */
    public List<SecurityStore.Unit> storedUnits() {
        try {
            return store.units();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read units", e);
        }
    }

    // ---- UserDirectory ----

    @Override
    public List<UserDirectory.Unit> units() {
        return storedUnits().stream().map(u -> new UserDirectory.Unit(u.id(), u.name(), u.kind())).toList();
    }

    @Override
    public Optional<Person> person(String username) {
        requireSignedIn();
        try {
            return store.findUser(username == null ? "" : username.trim().toLowerCase(Locale.ROOT))
                    .map(u -> person(u.data()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read account " + username, e);
        }
    }

    @Override
    public List<Person> people() {
        requireSignedIn();
        try {
            return store.users().stream().map(u -> person(u.data()))
                    .sorted(java.util.Comparator.comparing(Person::username)).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users", e);
        }
    }

    @Override
    public List<Person> peopleOf(String unitId) {
        return people().stream().filter(p -> p.enabled() && p.unitId().equals(unitId)).toList();
    }

    private static Person person(UserData data) {
        return new Person(data.username(), data.fullName(), data.email(), data.unit(), data.enabled(), data.roles());
    }

    private void requireSignedIn() {
        if (!current().isAuthenticated()) {
            throw new AccessDeniedException(Permissions.SELF);
        }
    }

    /**
     * @param key a translation key
     * @return whether some bundle translates it (in the page's language or in Vietnamese)
     */
    public boolean hasText(String key) {
        return translations.has(key, currentLocale());
    }

    /** The current page's language. */
    public Locale locale() {
        return currentLocale();
    }

    /**
     * Translates a key in the current page's language.
     *
     * @param key the key
     * @param params its arguments
     * @return the text
     */
    public String t(String key, Object... params) {
        return translations.translate(key, currentLocale(), params);
    }

    private SecurityStore.User find(String username) {
        try {
            return store.findUser(username).orElseThrow(() -> new ValidationException(
                    List.of(new ValidationException.Problem("username", "security.user.not-found", username))));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read account " + username, e);
        }
    }

    private void require(String permission, String action, String target) {
        if (!current().isPermitted(permission)) {
            audit.record(action, target, Outcome.DENIED, AuditLog.Message.of("audit.detail.missing-permission", permission));
            throw new AccessDeniedException(permission);
        }
    }

    private static UserData normalise(UserData data) {
        return new UserData(data.username() == null ? "" : data.username().trim().toLowerCase(Locale.ROOT),
                data.fullName() == null ? "" : data.fullName().trim(), data.email() == null ? "" : data.email().trim(),
                data.phone() == null ? "" : data.phone().trim(), data.unit() == null ? "" : data.unit(),
                data.enabled(), data.roles());
    }

    private void validate(UserData data, boolean creating) {
        List<ValidationException.Problem> problems = new ArrayList<>();
        if (!UserCsv.USERNAME.matcher(data.username()).matches()) {
            problems.add(new ValidationException.Problem("username", "security.user.username.invalid",
                    data.username()));
        } else if (creating) {
            try {
                if (store.findUser(data.username()).isPresent()) {
                    problems.add(new ValidationException.Problem("username", "security.user.username.taken",
                            data.username()));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        if (data.fullName().isEmpty() || data.fullName().length() > UserCsv.MAX_FULL_NAME) {
            problems.add(new ValidationException.Problem("fullName", "security.user.full-name.invalid", ""));
        }
        if (!data.email().isEmpty() && (data.email().length() > UserCsv.MAX_EMAIL
                || !UserCsv.EMAIL.matcher(data.email()).matches())) {
            problems.add(new ValidationException.Problem("email", "security.user.email.invalid", data.email()));
        }
        if (!data.phone().isEmpty() && !UserCsv.PHONE.matcher(data.phone()).matches()) {
            problems.add(new ValidationException.Problem("phone", "security.user.phone.invalid", data.phone()));
        }
        if (storedUnits().stream().noneMatch(u -> u.id().equals(data.unit()))) {
            problems.add(new ValidationException.Problem("unit", "security.user.unit.invalid", data.unit()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

}
