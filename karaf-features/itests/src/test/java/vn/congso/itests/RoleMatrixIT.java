package vn.congso.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;
import vn.congso.api.audit.AuditLog;
import vn.congso.core.spi.BackupService;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.security.PermissionContribution;
import vn.congso.api.security.RunAs;

/**
 * Every seeded role against every protected route and every service method that changes or
 * reveals protected data, on the assembled platform: a user of each role signs in with a real
 * password (after the forced change of their one-time password) and tries everything. The
 * expected matrix is written out here, independently of the seeds, so a wrong seed, a wrong
 * wildcard match or a missing check in a service fails this test. A refused call changes
 * nothing and leaves a DENIED entry in the audit log under the caller's name.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RoleMatrixIT {

    static final int HTTP_PORT = 18881;
    static final String PASSWORD = "Ma-tran-thu-2026!";
    static final String USERS = "platform:users:manage";
    static final String ROLES = "platform:roles:manage";
    static final String AUDIT = "platform:audit:view";
    static final String BACKUP = "platform:backup";
    static final String PLUGINS = "platform:plugins:manage";
    static final String SELF = "account:self";
    /** The permissions whose refusals the audit log must show (business refusals are DENIED too). */
    static final List<String> PROTECTED = List.of(USERS, ROLES, AUDIT, BACKUP, PLUGINS);

    /**
     * What each role of a new installation holds besides {@code account:self}: core's own role
     * and those the training plugin declares (the publishing roles come with the publishing plugin).
     */
    static final Map<String, Set<String>> SEEDED = new LinkedHashMap<>();

    static {
        SEEDED.put("administrator", Set.of("*"));
        SEEDED.put("trainer", Set.of("training:course:manage", "training:exam:manage", "training:report:view",
                "training:certificate:revoke"));
        SEEDED.put("learner", Set.of("training:course:enrol", "training:exam:take"));
    }

    @Inject
    private BundleContext bundleContext;

    @Inject
    private RunAs runAs;

    @Inject
    private CurrentUserService currentUsers;

    @Inject
    private AuditLog auditLog;

    @Inject
    private BackupService backupService;

    private final AtomicInteger serial = new AtomicInteger();

    @Configuration
    public Option[] config() {
        return CongSoContainer.options("target/pax-exam-matrix",
                new CongSoContainer.Ports(HTTP_PORT, 18801, 11899, 44470)).toArray(new Option[0]);
    }

    /** One protected thing a user may try, and the permission that should let them. */
    private record Action(String name, String permission, Attempt attempt) {
    }

    @FunctionalInterface
    private interface Attempt {
        void run() throws Exception;
    }

    @Test
    public void everySeededRoleMayDoExactlyWhatItsRoleGrants() throws Exception {
        // The trainer and learner roles are declared by the training plugin when it starts.
        CongSoContainer.awaitService(bundleContext, "vn.congso.training.internal.service.TrainingRoles", 120_000);
        SecurityServiceHandle security = new SecurityServiceHandle(bundleContext);
        CurrentUser setup = runAs.system("itest:setup");
        runAs.call(setup, () -> security.invoke("createUser", security.userData("matrix-target", "learner")));

        Map<String, CurrentUser> users = new LinkedHashMap<>();
        for (String role : SEEDED.keySet()) {
            users.put(role, signInWithChangedPassword(security, setup, "matrix-" + role, role));
        }

        List<Action> actions = actions(security);
        Map<String, List<String>> wrong = new TreeMap<>();
        for (Map.Entry<String, CurrentUser> entry : users.entrySet()) {
            String role = entry.getKey();
            CurrentUser user = entry.getValue();
            int deniedBefore = deniedCount(setup, user.id());
            int expectedDenials = 0;
            for (Action action : actions) {
                boolean expected = grants(role, action.permission());
                boolean allowed = attempt(user, action);
                if (allowed != expected) {
                    wrong.computeIfAbsent(role, r -> new ArrayList<>())
                            .add(action.name() + (allowed ? " was allowed" : " was refused"));
                }
                if (!expected) {
                    expectedDenials++;
                }
            }
            assertEquals("DENIED audit entries of " + user.id(), expectedDenials,
                    deniedCount(setup, user.id()) - deniedBefore);
        }
        assertEquals("role × action mismatches", Map.of(), wrong);

        // Every permission the plugins and core declare, for every role: exactly the seeded ones.
        Set<String> declared = declaredPermissions();
        for (Set<String> seeded : SEEDED.values()) {
            seeded.stream().filter(p -> !p.equals("*")).forEach(declared::add);
        }
        for (Map.Entry<String, CurrentUser> entry : users.entrySet()) {
            for (String permission : declared) {
                boolean expected = grants(entry.getKey(), permission);
                assertEquals(entry.getKey() + " × " + permission, expected,
                        runAs.call(entry.getValue(), () -> currentUsers.current().isPermitted(permission)));
            }
        }

        // Nothing a refused user tried was saved.
        List<String> names = runAs.call(setup, security::usernames);
        for (String role : SEEDED.keySet()) {
            if (!role.equals("administrator")) {
                assertFalse(names.toString(), names.stream().anyMatch(n -> n.startsWith("made-by-" + role)));
            }
        }
        assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("made-by-administrator")));
    }

    @Test
    public void everyProtectedRouteIsGuardedPerRole() throws Exception {
        SecurityServiceHandle security = new SecurityServiceHandle(bundleContext);
        CurrentUser setup = runAs.system("itest:setup");
        Map<String, CurrentUser> users = new LinkedHashMap<>();
        for (String role : SEEDED.keySet()) {
            users.put(role, signInWithChangedPassword(security, setup, "route-" + role, role));
        }
        Map<String, String> routes = protectedRoutes();
        Set<String> parameterised = parameterisedRoutes();
        assertTrue("the platform has protected routes: " + routes,
                routes.keySet().containsAll(List.of("admin/users", "admin/roles", "admin/audit", "account/profile",
                        "account/password")));
        Set<String> declared = declaredPermissions();
        VaadinHttpProbe probe = new VaadinHttpProbe("http://127.0.0.1:" + HTTP_PORT);
        assertTrue("the platform did not answer within 60 s", probe.awaitRoot200(60_000));
        for (Map.Entry<String, String> route : routes.entrySet()) {
            String permission = route.getValue();
            // account:self is every signed-in user's, implicitly; everything else must be declared.
            assertTrue(route.getKey() + " needs " + permission + ", which nobody declares",
                    permission.equals(SELF) || declared.contains(permission));
            for (Map.Entry<String, CurrentUser> user : users.entrySet()) {
                assertEquals(user.getKey() + " → " + route.getKey(), grants(user.getKey(), permission),
                        runAs.call(user.getValue(), () -> currentUsers.current().isPermitted(permission)));
            }
            // An anonymous visitor is sent to the sign-in page, whatever the route (a route that
            // takes a parameter, such as training/attempt/<id>, is asked for with one).
            String path = parameterised.contains(route.getKey()) ? route.getKey() + "/1" : route.getKey();
            String reply = probe.navigate(path);
            assertTrue(route.getKey() + " did not send an anonymous visitor to sign in: "
                    + VaadinHttpProbe.abbreviate(reply), reply.contains("login-username"));
        }
    }

    private List<Action> actions(SecurityServiceHandle security) {
        return List.of(
                new Action("list users", USERS, () -> security.invoke("users")),
                new Action("create a user", USERS, () -> security.invoke("createUser",
                        security.userData(nextName(), "learner"))),
                new Action("update a user", USERS, () -> security.invoke("updateUser",
                        security.userData("matrix-target", "learner"))),
                new Action("reset a password", USERS, () -> security.invoke("resetPassword", "matrix-target")),
                new Action("check a CSV import", USERS, () -> security.invoke("checkImport", csv())),
                new Action("import users", USERS, () -> security.invoke("importUsers", csv())),
                new Action("list roles", ROLES, () -> security.invoke("roles")),
                new Action("set a role's permissions", ROLES, () -> security.invoke("setRolePermissions",
                        "learner", SEEDED.get("learner"))),
                new Action("read the audit log", AUDIT, () -> auditLog.find(new AuditLog.Query(Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), 10))),
                new Action("back up the database", BACKUP, () -> backupService.backup()),
                new Action("list plugins", PLUGINS, () -> pluginService().invoke("plugins")),
                new Action("stop a plugin", PLUGINS, () -> pluginService().invoke("stop", "congso-no-such-plugin")),
                new Action("dry-run a feature", PLUGINS, () -> pluginService().invoke("dryRunFeature",
                        "congso-theme-high-contrast", "")),
                new Action("read own account", SELF, () -> security.invoke("ownAccount")),
                new Action("update own profile", SELF, () -> security.invoke("updateOwnProfile",
                        "Người dùng thử", "", "")));
    }

    /** The plugin engine of core/admin, called by name like the security service. */
    private ServiceHandle pluginService() throws Exception {
        return new ServiceHandle(bundleContext, "vn.congso.admin.internal.PluginService", null, true);
    }

    private String nextName() {
        String actor = currentUsers.current().id().replace("matrix-", "");
        return "made-by-" + actor + "-" + serial.incrementAndGet();
    }

    private String csv() {
        return "username,full_name,email,phone,unit,roles\n" + nextName() + ",Nguyễn Văn Nhập,,,xa-tai-van,learner\n";
    }

    private boolean attempt(CurrentUser user, Action action) throws Exception {
        try {
            runAs.call(user, () -> {
                action.attempt().run();
                return null;
            });
            return true;
        } catch (AccessDeniedException denied) {
            assertEquals(action.name(), action.permission().equals(SELF) ? SELF : action.permission(),
                    denied.permission());
            return false;
        }
    }

    private static boolean grants(String role, String permission) {
        if (permission.equals(SELF)) {
            return true;
        }
        Set<String> held = SEEDED.get(role);
        return held.contains("*") || held.contains(permission);
    }

    private CurrentUser signInWithChangedPassword(SecurityServiceHandle security, CurrentUser setup, String username,
            String role) throws Exception {
        String oneTime = runAs.call(setup, () -> (String) security.invoke("createUser",
                security.userData(username, role)));
        CurrentUser first = runAs.authenticate(username, oneTime.toCharArray(), "127.0.0.1")
                .orElseThrow(() -> new AssertionError(username + " could not sign in with the one-time password"));
        // Until the one-time password is changed, nothing but that is allowed, even for an administrator.
        assertFalse(runAs.call(first, () -> currentUsers.current().isPermitted(USERS)));
        assertFalse(runAs.call(first, () -> currentUsers.current().isPermitted("training:exam:take")));
        runAs.call(first, () -> security.invoke("changeOwnPassword", oneTime.toCharArray(), PASSWORD.toCharArray(),
                PASSWORD.toCharArray()));
        assertFalse("the one-time password still works",
                runAs.authenticate(username, oneTime.toCharArray(), "127.0.0.1").isPresent());
        return runAs.authenticate(username, PASSWORD.toCharArray(), "127.0.0.1")
                .orElseThrow(() -> new AssertionError(username + " could not sign in with the new password"));
    }

    private int deniedCount(CurrentUser reader, String actor) throws Exception {
        return runAs.call(reader, () -> (int) auditLog.find(new AuditLog.Query(Optional.of(actor), Optional.empty(),
                Optional.of(Instant.EPOCH), Optional.empty(), 10_000)).stream()
                .filter(e -> e.outcome() == AuditLog.Outcome.DENIED && PROTECTED.stream().anyMatch(e.detail()::contains))
                .count());
    }

    private Map<String, String> protectedRoutes() throws Exception {
        Map<String, String> routes = new TreeMap<>();
        for (ServiceReference<ScreenProvider> ref : bundleContext.getServiceReferences(ScreenProvider.class, null)) {
            ScreenProvider provider = bundleContext.getService(ref);
            try {
                for (Screen<?> screen : provider.screens()) {
                    screen.permission().ifPresent(p -> routes.put(screen.route(), p));
                }
            } finally {
                bundleContext.ungetService(ref);
            }
        }
        return routes;
    }

    /** Routes whose view takes a URL parameter (implements Vaadin's HasUrlParameter). */
    private Set<String> parameterisedRoutes() throws Exception {
        Set<String> routes = new TreeSet<>();
        for (ServiceReference<ScreenProvider> ref : bundleContext.getServiceReferences(ScreenProvider.class, null)) {
            ScreenProvider provider = bundleContext.getService(ref);
            try {
                for (Screen<?> screen : provider.screens()) {
                    if (takesParameter(screen.viewType())) {
                        routes.add(screen.route());
                    }
                }
            } finally {
                bundleContext.ungetService(ref);
            }
        }
        return routes;
    }

    private static boolean takesParameter(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals("com.vaadin.flow.router.HasUrlParameter")) {
                    return true;
                }
            }
        }
        return false;
    }

    private Set<String> declaredPermissions() throws Exception {
        Set<String> declared = new TreeSet<>();
        Collection<ServiceReference<PermissionContribution>> refs =
                bundleContext.getServiceReferences(PermissionContribution.class, null);
        for (ServiceReference<PermissionContribution> ref : refs) {
            PermissionContribution contribution = bundleContext.getService(ref);
            try {
                contribution.permissions().forEach(p -> declared.add(p.permission()));
            } finally {
                bundleContext.ungetService(ref);
            }
        }
        return declared;
    }

    /** A service of a bundle-internal type, called by name: only its views call it, yet it must check. */
    static class ServiceHandle {
        final Object service;
        final Bundle bundle;
        /** Where the methods are looked up: the service's interface, or its (public) class. */
        final Class<?> api;

        ServiceHandle(BundleContext context, String type, String filter, boolean viaInterface) throws Exception {
            ServiceReference<?>[] refs = context.getServiceReferences(type, filter);
            assertTrue("one " + type + " service", refs != null && refs.length == 1);
            this.service = context.getService(refs[0]);
            this.bundle = refs[0].getBundle();
            this.api = viaInterface ? bundle.loadClass(type) : service.getClass();
        }

        Object invoke(String name, Object... args) throws Exception {
            for (Method method : api.getMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                    try {
                        return method.invoke(service, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof Exception cause) {
                            throw cause;
                        }
                        throw e;
                    }
                }
            }
            fail("no method " + name + "/" + args.length + " on " + service.getClass());
            return null;
        }
    }

    /** The security bundle's account service: its administration methods are not exported API. */
    static final class SecurityServiceHandle extends ServiceHandle {

        SecurityServiceHandle(BundleContext context) throws Exception {
            super(context, CurrentUserService.class.getName(),
                    "(component.name=vn.congso.security.internal.SecurityService)", false);
        }

        Object userData(String username, String role) throws Exception {
            Class<?> type = bundle.loadClass("vn.congso.security.internal.UserData");
            return type.getConstructors()[0].newInstance(username, "Người thử " + role, "", "", "district", true,
                    Set.of(role));
        }

        List<String> usernames() throws Exception {
            List<String> names = new ArrayList<>();
            for (Object user : (List<?>) invoke("users")) {
                Object data = user.getClass().getMethod("data").invoke(user);
                names.add((String) data.getClass().getMethod("username").invoke(data));
            }
            return names;
        }
    }
}
