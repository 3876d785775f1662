package vn.congso.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccountProvisioning.DemoAccount;
import vn.congso.api.security.AccountProvisioning.RoleDefinition;

/**
 * Roles and demo accounts declared by plugins: defaults applied once, an administrator's edits
 * never undone, and the upgrade of a database made by release 0.1's changelog (which seeded
 * the training and publishing roles itself) keeping every grant and edit.
 */
class ProvisioningTest {

    private static final RoleDefinition TRAINER = new RoleDefinition("trainer", "training.role.trainer",
            Set.of("training:course:manage", "training:exam:manage", "training:report:view",
                    "training:certificate:revoke"));
    private static final RoleDefinition LEARNER = new RoleDefinition("learner", "training.role.learner",
            Set.of("training:course:enrol", "training:exam:take"));

    @TempDir
    Path folder;

    private final SecurityFixture.RecordingAuditLog audit = new SecurityFixture.RecordingAuditLog();
    private final AtomicInteger passwords = new AtomicInteger();

    @Test
    void aDeclaredRoleIsCreatedWithItsDefaultsOnceAndTheAdministratorsEditsStay() throws Exception {
        DataSource db = database("fresh");
        migrate(db, new ClassLoaderResourceAccessor());
        SecurityStore store = new SecurityStore(db);
        assertFalse(roleIds(store).contains("trainer"), "core no longer seeds plugin roles");

        provisioning(store, true).declareRoles(List.of(TRAINER, LEARNER));

        SecurityStore.Role trainer = role(store, "trainer");
        assertEquals(TRAINER.defaultPermissions(), trainer.permissions());
        assertEquals("Giảng viên", trainer.nameVi());
        assertEquals("Trainer", trainer.nameEn());
        // The administrator removes one default grant and adds another permission.
        store.setRolePermissions("trainer", Set.of("training:course:manage", "other:thing:do"));

        provisioning(store, true).declareRoles(List.of(TRAINER, LEARNER)); // the next start

        assertEquals(Set.of("training:course:manage", "other:thing:do"), role(store, "trainer").permissions());
        assertEquals(1, audit.entries.stream().filter(e -> e.action().equals("security.role.defaults")
                && e.target().equals("trainer")).count());
    }

    @Test
    void aPluginMayNotDeclareTheAdministratorOrGrantCoreOrWildcardPermissions() throws Exception {
        DataSource db = database("hostile");
        migrate(db, new ClassLoaderResourceAccessor());
        SecurityStore store = new SecurityStore(db);
        Provisioning provisioning = provisioning(store, true);

        for (RoleDefinition bad : List.of(new RoleDefinition("administrator", "k", Set.of("x:y:z")),
                new RoleDefinition("helper", "k", Set.of("*")),
                new RoleDefinition("helper", "k", Set.of("*:*:*")),
                new RoleDefinition("helper", "k", Set.of("platform:users:manage")),
                new RoleDefinition("Bad Id", "k", Set.of("x:y:z")))) {
            assertThrows(IllegalArgumentException.class, () -> provisioning.declareRoles(List.of(LEARNER, bad)));
        }
        assertFalse(roleIds(store).contains("helper"));
        assertFalse(roleIds(store).contains("learner"), "a refused declaration changes nothing");
    }

    @Test
    void anInstallationMadeByRelease01KeepsItsGrantsAndEditsAfterTheUpgrade() throws Exception {
        DataSource db = database("release-0.1");
        Path release = Path.of(getClass().getClassLoader().getResource("release-0.1/db/changelog.xml").toURI())
                .getParent().getParent();
        migrate(db, new DirectoryResourceAccessor(release));
        SecurityStore store = new SecurityStore(db);
        // Edits an administrator made on release 0.1.
        store.setRolePermissions("trainer", Set.of("training:course:manage", "training:exam:manage"));
        store.setRolePermissions("learner", Set.of("training:course:enrol", "training:exam:take", "local:notes:read"));
        Set<String> editorBefore = role(store, "editor").permissions();

        migrate(db, new ClassLoaderResourceAccessor()); // today's changelog, on the same database
        provisioning(store, true).declareRoles(List.of(TRAINER, LEARNER));

        assertEquals(Set.of("training:course:manage", "training:exam:manage"), role(store, "trainer").permissions(),
                "a grant the administrator removed before the upgrade must not come back");
        assertEquals(Set.of("training:course:enrol", "training:exam:take", "local:notes:read"),
                role(store, "learner").permissions());
        assertEquals(editorBefore, role(store, "editor").permissions(), "roles no plugin declares yet stay");
        assertEquals("Giảng viên", role(store, "trainer").nameVi());
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT role_id FROM sec_role_default WHERE source = 'upgrade'");
                ResultSet rs = ps.executeQuery()) {
            Set<String> marked = new HashSet<>();
            while (rs.next()) {
                marked.add(rs.getString(1));
            }
            assertEquals(Set.of("editor", "reviewer", "trainer", "learner", "one-stop-officer", "meeting-coordinator"),
                    marked);
        }
    }

    @Test
    void demoAccountsAreCreatedOnceWithOneTimePasswordsInTheFileTheTestsRead() throws Exception {
        DataSource db = database("demo");
        migrate(db, new ClassLoaderResourceAccessor());
        SecurityStore store = new SecurityStore(db);
        System.setProperty("karaf.data", folder.toString());
        Provisioning provisioning = provisioning(store, true);
        provisioning.declareRoles(List.of(LEARNER));
        List<DemoAccount> accounts = List.of(
                new DemoAccount("tranthilan.taivan", "Trần Thị Lan", "xa-tai-van", Set.of("learner")),
                new DemoAccount("phamvanminh.huyen", "Phạm Văn Minh", "district", Set.of("learner")));

        assertTrue(provisioning(store, false).createDemoAccounts(accounts).isEmpty(), "off unless the platform allows");
        assertEquals(List.of("tranthilan.taivan", "phamvanminh.huyen"), provisioning.createDemoAccounts(accounts));
        assertTrue(provisioning.createDemoAccounts(accounts).isEmpty(), "existing accounts are left alone");

        List<String> lines = Files.readAllLines(folder.resolve("demo-accounts.txt"), StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("#"));
        assertEquals("tranthilan.taivan, pw-1, xa-tai-van", lines.get(1));
        assertEquals("phamvanminh.huyen, pw-2, district", lines.get(2));
        SecurityStore.User lan = store.findUser("tranthilan.taivan").orElseThrow();
        assertTrue(lan.mustChangePassword());
        assertEquals(Set.of("learner"), lan.data().roles());
        assertThrows(IllegalArgumentException.class, () -> provisioning.createDemoAccounts(List.of(
                new DemoAccount("nobody.x", "Không Ai", "no-such-unit", Set.of("learner")))));
        assertTrue(store.findUser("nobody.x").isEmpty());
    }

    private Provisioning provisioning(SecurityStore store, boolean demo) {
        TranslationService translations = new TranslationService() {
            @Override
            public String translate(String key, Locale locale, Object... params) {
                boolean vi = locale.getLanguage().equals("vi");
                return switch (key) {
                    case "training.role.trainer" -> vi ? "Giảng viên" : "Trainer";
                    case "training.role.learner" -> vi ? "Học viên" : "Learner";
                    default -> key;
                };
            }

            @Override
            public List<Locale> supportedLocales() {
                return List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH);
            }
        };
        return new Provisioning(store, audit, translations, demo, password -> "hash-of-" + password,
                () -> "pw-" + passwords.incrementAndGet());
    }

    private static SecurityStore.Role role(SecurityStore store, String id) throws Exception {
        return store.roles().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static Set<String> roleIds(SecurityStore store) throws Exception {
        Set<String> ids = new HashSet<>();
        store.roles().forEach(r -> ids.add(r.id()));
        return ids;
    }

    private DataSource database(String name) {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(folder.resolve(name).toAbsolutePath().toString());
        derby.setCreateDatabase("create");
        return derby;
    }

    private static void migrate(DataSource ds, ResourceAccessor resources) throws Exception {
        try (Connection c = ds.getConnection()) {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            new Liquibase("db/changelog.xml", resources, db).update("");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
