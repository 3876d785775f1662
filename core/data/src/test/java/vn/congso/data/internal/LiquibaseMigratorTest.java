package vn.congso.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.core.spi.MigrationStatus.Migration;
import vn.congso.core.spi.MigrationStatus.State;

class LiquibaseMigratorTest {

    @TempDir
    Path dir;

    private EmbeddedDataSource ds;
    private LiquibaseMigrator migrator;

    @BeforeEach
    void setUp() {
        ds = TestDatabases.derby(dir.resolve("congso"));
        migrator = new LiquibaseMigrator(ds, Clock.systemUTC());
    }

    private Migration migrate(String plugin) {
        return migrator.migrate(new MigrationKey("vn.test." + plugin, "1.0.0", 1L), "db/changelog.xml",
                TestDatabases.plugin(plugin));
    }

    @Test
    void twoBundlesWithTheSameChangelogPathAndIdsBothMigrate() throws Exception {
        Migration alpha = migrate("alpha");
        Migration beta = migrate("beta");

        assertEquals(State.MIGRATED, alpha.state(), alpha.message());
        assertEquals(2, alpha.changesetsApplied(), "alpha's changelog and its include");
        assertEquals(State.MIGRATED, beta.state(), beta.message());
        assertEquals(1, beta.changesetsApplied(), "beta's changeset 1 must not be taken for alpha's");
        assertEquals("vn.test.alpha/db/changelog.xml", alpha.changelog());
        assertTrue(TestDatabases.tableExists(ds, "beta_item"));
        assertEquals(1, TestDatabases.count(ds, "alpha_item"));
        assertEquals(List.of("vn.test.alpha/db/changelog.xml::1", "vn.test.alpha/db/more.xml::2",
                "vn.test.beta/db/changelog.xml::1"), TestDatabases.changelogEntries(ds));
    }

    @Test
    void aSecondRunHasNothingToDoAndLeavesNoOpenTransaction() throws Exception {
        migrate("alpha");
        Migration again = migrate("alpha");

        assertEquals(State.MIGRATED, again.state(), again.message());
        assertEquals(0, again.changesetsApplied());
        assertEquals(1, TestDatabases.count(ds, "alpha_item"));
    }

    @Test
    void aFailingChangesetIsRolledBackWholeAndReported() throws Exception {
        Migration broken = migrate("broken");

        assertEquals(State.FAILED, broken.state());
        assertEquals(1, broken.changesetsApplied());
        assertTrue(broken.message().toUpperCase().contains("NO_SUCH_TABLE"), broken.message());
        assertTrue(TestDatabases.tableExists(ds, "broken_good"), "the good changeset stays");
        assertFalse(TestDatabases.tableExists(ds, "broken_half"), "the failing changeset left a table behind");
        assertEquals(List.of("vn.test.broken/db/changelog.xml::1"), TestDatabases.changelogEntries(ds));

        // Other bundles still migrate afterwards: the lock was released.
        assertEquals(State.MIGRATED, migrate("beta").state());
    }

    @Test
    void anUnchangedChangelogSkipsLiquibaseEvenAfterARestart() throws Exception {
        Migration own = migrator.migrate(new MigrationKey("congso-core-data", "1", 1), "db/changelog.xml",
                TestDatabases.coreData(), "own");
        assertEquals(State.MIGRATED, own.state(), own.message());
        MigrationKey key = new MigrationKey("vn.test.x", "1", 1);
        assertEquals(1, migrator.migrate(key, "db/changelog.xml", TestDatabases.plugin("beta"), "d1")
                .changesetsApplied());

        // Same digest, so Liquibase must not even look: alpha's changesets would otherwise run.
        LiquibaseMigrator restarted = new LiquibaseMigrator(ds, Clock.systemUTC());
        Migration skipped = restarted.migrate(key, "db/changelog.xml", TestDatabases.plugin("alpha"), "d1");
        assertEquals(State.MIGRATED, skipped.state());
        assertEquals(0, skipped.changesetsApplied());
        assertFalse(TestDatabases.tableExists(ds, "alpha_item"));
        assertEquals(2, TestDatabases.count(ds, "congso_migration"));
    }

    @Test
    void aMissingChangelogFails() {
        Migration missing = migrator.migrate(new MigrationKey("vn.test.none", "1", 1L), "db/nothing.xml",
                TestDatabases.plugin("beta"));
        assertEquals(State.FAILED, missing.state());
        assertFalse(missing.message().isBlank());
    }
}
