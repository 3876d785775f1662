package vn.congso.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.security.AccessDeniedException;

/** The security service on a real (embedded) database: sign-in, lockout, RunAs, permission checks. */
class SecurityServiceTest {

    static final String NEW_PASSWORD = "Trần Đề 2026 an toàn";

    @TempDir
    Path dir;

    SecurityFixture fixture;
    SecurityService security;

    @BeforeEach
    void start() throws Exception {
        fixture = new SecurityFixture(dir, 5);
        security = fixture.security;
    }

    @Test
    void theFirstAdministratorMayOnlyChangeTheOneTimePasswordThenEverything() throws Exception {
        String oneTime = fixture.adminPassword();
        CurrentUser first = security.authenticate("admin", oneTime.toCharArray(), "127.0.0.1").orElseThrow();
        assertFalse(security.call(first, () -> security.current().isPermitted(Permissions.USERS_MANAGE)));
        assertTrue(security.call(first, () -> security.current().isPermitted(Permissions.SELF)));
        assertThrows(AccessDeniedException.class, () -> security.call(first, security::users));

        security.call(first, () -> {
            security.changeOwnPassword(oneTime.toCharArray(), NEW_PASSWORD.toCharArray(), NEW_PASSWORD.toCharArray());
            return null;
        });
        assertFalse(security.authenticate("admin", oneTime.toCharArray(), "").isPresent());
        CurrentUser admin = security.authenticate("ADMIN ", NEW_PASSWORD.toCharArray(), "").orElseThrow();
        assertEquals("admin", admin.id());
        assertEquals(1, security.call(admin, security::users).size());
    }

    @Test
    void callBindsTheUserOnlyForTheWorkAndRestoresTheOuterOne() throws Exception {
        CurrentUser outer = security.system("console:karaf");
        CurrentUser inner = security.system("system:sweeper");
        assertEquals(CurrentUserService.ANONYMOUS_ID, security.current().id());
        security.call(outer, () -> {
            assertSame(outer, security.current());
            assertSame(inner, security.call(inner, security::current));
            assertSame(outer, security.current());
            return null;
        });
        assertEquals(CurrentUserService.ANONYMOUS_ID, security.current().id());
        assertThrows(IllegalStateException.class, () -> security.call(outer, () -> {
            throw new IllegalStateException("work failed");
        }));
        assertEquals(CurrentUserService.ANONYMOUS_ID, security.current().id(), "restored after a failure too");
    }

    @Test
    void aSystemActorNeedsAPrefixAndMayDoAnything() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> security.system("admin"));
        CurrentUser console = security.system("console:karaf");
        assertTrue(console.isPermitted(Permissions.USERS_MANAGE));
        assertTrue(console.isPermitted("training:exam:manage"));
        assertFalse(console.isPermitted(""));
        String clerk = security.call(console, () -> security.createRole("Văn thư", "Clerk"));
        String oneTime = security.call(console, () -> security.createUser(new UserData("van.thu",
                "Trần Văn Thư", "", "", "xa-dai-an-2", true, Set.of(clerk))));
        assertEquals(14, oneTime.length());
    }

    @Test
    void aFreshInstallationHasOnlyTheAdministratorRoleAndAdministratorsAddTheirOwn() throws Exception {
        CurrentUser console = security.system("console:karaf");
        assertEquals(java.util.List.of("administrator"),
                security.call(console, security::roles).stream().map(SecurityStore.Role::id).toList(),
                "core seeds no plugin's role: plugins declare theirs");

        String auditor = security.call(console, () -> security.createRole("  Kiểm tra nội bộ ", ""));
        assertEquals("custom-kiem-tra-noi-bo", auditor);
        SecurityStore.Role role = security.call(console, security::roles).stream()
                .filter(r -> r.id().equals(auditor)).findFirst().orElseThrow();
        assertEquals("Kiểm tra nội bộ", role.nameVi());
        assertEquals("Kiểm tra nội bộ", role.nameEn(), "a blank English name takes the Vietnamese one");
        assertFalse(role.builtIn());
        assertTrue(role.permissions().isEmpty(), "a new role holds nothing until permissions are ticked");

        // The same name without marks is the same name; a blank name and a name of symbols say why.
        assertEquals("security.role.name.taken", problem(() -> security.call(console,
                () -> security.createRole("KIEM TRA NOI BO", "Audit"))));
        assertEquals("security.role.name.required", problem(() -> security.call(console,
                () -> security.createRole("   ", "x"))));
        assertEquals("security.role.name.no-letters", problem(() -> security.call(console,
                () -> security.createRole("!!!", "x"))));
        assertEquals("security.role.name.too-long", problem(() -> security.call(console,
                () -> security.createRole("a".repeat(101), ""))));

        // Held by an account, the role stays; the built-in administrator role is never deleted.
        security.call(console, () -> security.createUser(new UserData("kiem.tra", "Lê Kiểm Tra", "", "",
                "district", true, Set.of(auditor))));
        assertEquals("security.role.held", problem(() -> security.call(console, () -> {
            security.deleteRole(auditor);
            return null;
        })));
        assertEquals("security.role.built-in", problem(() -> security.call(console, () -> {
            security.deleteRole("administrator");
            return null;
        })));
        security.call(console, () -> {
            security.updateUser(new UserData("kiem.tra", "Lê Kiểm Tra", "", "", "district", true, Set.of()));
            security.deleteRole(auditor);
            return null;
        });
        assertFalse(security.call(console, security::roles).stream().anyMatch(r -> r.id().equals(auditor)));
        assertTrue(fixture.audit.entries.stream().anyMatch(e -> e.action().equals("security.role.create")
                && e.target().equals(auditor)));
        assertTrue(fixture.audit.entries.stream().anyMatch(e -> e.action().equals("security.role.delete")
                && e.target().equals(auditor)));

        // Without platform:roles:manage nobody adds a role, and the refusal is audited.
        assertThrows(AccessDeniedException.class, () -> security.createRole("Khách", "Guest"));
        assertTrue(fixture.audit.entries.stream().anyMatch(e -> e.action().equals("security.role.create")
                && e.outcome() == Outcome.DENIED));
    }

    private static String problem(java.util.concurrent.Callable<?> work) {
        ValidationException refused = assertThrows(ValidationException.class, work::call);
        return refused.problems().get(0).key();
    }

    @Test
    void fiveFailuresLockARealAndAnUnknownNameAlike() throws Exception {
        String oneTime = fixture.adminPassword();
        for (int i = 0; i < 5; i++) {
            assertFalse(security.authenticate("admin", ("wrong-" + i).toCharArray(), "").isPresent());
            assertFalse(security.authenticate("khong-ton-tai", ("wrong-" + i).toCharArray(), "").isPresent());
        }
        assertFalse(security.authenticate("admin", oneTime.toCharArray(), "").isPresent(),
                "the right password must not open a locked account");
        long lockouts = fixture.audit.entries.stream().filter(e -> e.action().equals("security.lockout")).count();
        assertEquals(2, lockouts, "both names locked, and each lockout audited");
    }

    @Test
    void anAnonymousCallerIsRefusedAndTheRefusalAudited() {
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> security.createUser(new UserData("ke.la", "Kẻ Lạ", "", "", "district", true, Set.of())));
        assertEquals(Permissions.USERS_MANAGE, denied.permission());
        var entry = fixture.audit.last().orElseThrow();
        assertEquals("security.user.create", entry.action());
        assertEquals(Outcome.DENIED, entry.outcome());
    }

    @Test
    void overLongTextsAreRefusedByTheServiceWithTheField() throws Exception {
        CurrentUser console = security.system("console:karaf");
        String longName = "Nguyễn ".repeat(40);
        ValidationException refused = assertThrows(ValidationException.class, () -> security.call(console,
                () -> security.createUser(new UserData("dai.ten", longName, "a".repeat(250) + "@x.vn", "",
                        "district", true, Set.of()))));
        assertEquals(java.util.List.of("fullName", "email"),
                refused.problems().stream().map(ValidationException.Problem::field).toList());
        // A CSV over the upload limit is refused by the service too, whoever calls it.
        UserCsv.Result result = security.call(console, () -> security.checkImport(
                "username,full_name,email,phone,unit,roles\n" + "x".repeat(UserCsv.MAX_IMPORT_BYTES)));
        assertEquals("upload.refused.too-large", result.problems().get(0).key());
    }
}
