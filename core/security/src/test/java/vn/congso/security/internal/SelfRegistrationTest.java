package vn.congso.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.TranslationService;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.security.AccountProvisioning.RoleDefinition;
import vn.congso.api.security.SelfRegistration;
import vn.congso.api.security.SelfRegistration.Applicant;
import vn.congso.api.security.SelfRegistration.Problem;

/**
 * Self-registration: a plugin opens only a role it declared, never an administrator's, never
 * another bundle's; an application is refused field by field without saying whose a taken phone or
 * e-mail is; the account is created with a real password hash and only that role, and audited.
 */
class SelfRegistrationTest {

    private static final char[] PASSWORD = "Cong-dan-2026x".toCharArray();

    @TempDir
    Path folder;

    private final SecurityFixture.RecordingAuditLog audit = new SecurityFixture.RecordingAuditLog();
    private final Argon2Passwords argon = new Argon2Passwords(1024, 1, 1);
    private SecurityStore store;
    private SelfRegistrations registrations;
    private SelfRegistration services;

    @BeforeEach
    void setUp() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(folder.resolve("db").toAbsolutePath().toString());
        derby.setCreateDatabase("create");
        migrate(derby);
        store = new SecurityStore(derby);
        provisioning().declareRoles(List.of(
                new RoleDefinition("citizen", "services.role.citizen", Set.of("services:dossier:submit")),
                new RoleDefinition("learner", "training.role.learner", Set.of("training:exam:take"))));
        registrations = new SelfRegistrations(store, audit, argon::hash);
        services = new SelfRegistrationService(registrations, "vn.congso.services");
        services.openRole("citizen", "services/register", "services.register.link");
    }

    @Test
    void aCitizenRegistersWithOnlyTheOpenedRoleAHashedPasswordAndAnAuditEntry() throws Exception {
        Applicant lan = applicant("0912345678", "lan@example.vn", "0912345678");
        assertEquals(List.of(), services.check("citizen", lan, PASSWORD));

        assertEquals("0912345678", services.register("citizen", lan, PASSWORD));

        SecurityStore.User user = store.findUser("0912345678").orElseThrow();
        assertEquals(Set.of("citizen"), user.data().roles());
        assertTrue(user.data().enabled());
        assertFalse(user.mustChangePassword(), "the citizen chose the password; no change forced");
        assertTrue(argon.verify(PASSWORD, user.passwordHash()), "stored as an Argon2 hash of the chosen password");
        assertFalse(user.passwordHash().contains(new String(PASSWORD)));
        assertTrue(audit.entries.stream().anyMatch(e -> e.action().equals("security.user.self-register")
                && e.target().equals("0912345678") && e.outcome() == Outcome.SUCCESS));
        assertEquals(List.of(new SelfRegistrations.Link("services/register", "services.register.link")),
                registrations.links());
    }

    @Test
    void aTakenPhoneOrEmailIsRefusedOnItsFieldWithoutSayingWhoseItIs() {
        services.register("citizen", applicant("0912345678", "lan@example.vn", "0912345678"), PASSWORD);

        SelfRegistration.RefusedException refused = assertThrows(SelfRegistration.RefusedException.class,
                () -> services.register("citizen", applicant("0912345678", "LAN@example.vn", "0912 345 678"),
                        PASSWORD));

        assertEquals(Set.of(new Problem("username", "security.register.username.taken"),
                new Problem("email", "security.register.email.taken"),
                new Problem("phone", "security.register.phone.taken")), Set.copyOf(refused.problems()));
        assertTrue(refused.problems().stream().noneMatch(p -> p.key().contains("0912")));
        assertEquals(List.of(new Problem("phone", "security.register.phone.taken")),
                services.check("citizen", applicant("0987654321", "other@example.vn", "0912345678"), PASSWORD));
    }

    @Test
    void eachWrongFieldIsNamedAndNothingIsSaved() throws Exception {
        List<Problem> problems = services.check("citizen",
                new Applicant("X Y", " ", "not-an-email", "abc", "nowhere"), "short".toCharArray());

        assertEquals(Set.of("username", "fullName", "email", "phone", "unit", "password"),
                problems.stream().map(Problem::field).collect(java.util.stream.Collectors.toSet()));
        assertThrows(SelfRegistration.RefusedException.class, () -> services.register("citizen",
                new Applicant("0911111111", "Trần Văn Ba", "ba@example.vn", "0911111111", "district"),
                "x".repeat(100_000).toCharArray()));
        assertTrue(store.findUser("0911111111").isEmpty());
    }

    @Test
    void aPluginCannotOpenTheAdministratorsRoleAnotherBundlesRoleOrARoleWithCorePermissions() throws Exception {
        SelfRegistration training = new SelfRegistrationService(registrations, "vn.congso.training");

        assertThrows(IllegalArgumentException.class, () -> training.openRole("administrator", "x/register", "k"));
        assertThrows(IllegalArgumentException.class, () -> training.openRole("citizen", "x/register", "k"),
                "citizen belongs to the bundle that opened it first");
        assertThrows(IllegalArgumentException.class, () -> training.register("citizen",
                applicant("0933333333", "c@example.vn", "0933333333"), PASSWORD));
        assertThrows(IllegalArgumentException.class, () -> services.register("learner",
                applicant("0933333333", "c@example.vn", "0933333333"), PASSWORD), "not opened");
        assertThrows(IllegalArgumentException.class, () -> training.openRole("no-such-role", "x/register", "k"));
        assertThrows(IllegalArgumentException.class, () -> training.openRole("learner", "https://evil/", "k"));

        store.setRolePermissions("learner", Set.of("training:exam:take", "platform:users:manage"));
        assertThrows(IllegalArgumentException.class, () -> training.openRole("learner", "training/register", "k"));
        assertTrue(store.findUser("0933333333").isEmpty());
    }

    @Test
    void anAdministratorsLaterGrantOfACorePermissionClosesSelfRegistration() throws Exception {
        store.setRolePermissions("citizen", Set.of("services:dossier:submit", "*"));

        assertThrows(IllegalStateException.class, () -> services.register("citizen",
                applicant("0944444444", "d@example.vn", "0944444444"), PASSWORD));

        assertTrue(store.findUser("0944444444").isEmpty());
        assertTrue(audit.entries.stream().anyMatch(e -> e.action().equals("security.user.self-register")
                && e.outcome() == Outcome.DENIED));
    }

    private static Applicant applicant(String username, String email, String phone) {
        return new Applicant(username, "Nguyễn Thị Lan", email, phone, "district");
    }

    private Provisioning provisioning() {
        TranslationService translations = new TranslationService() {
            @Override
            public String translate(String key, Locale locale, Object... params) {
                return key;
            }

            @Override
            public List<Locale> supportedLocales() {
                return List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH);
            }
        };
        return new Provisioning(store, audit, translations, false, p -> "hash-of-" + p, () -> "pw");
    }

    private static void migrate(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(), db).update("");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
