package vn.congso.data.internal;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.data.Database;
import vn.congso.api.data.MigrationStatus.Migration;
import vn.congso.api.data.MigrationStatus.State;

/**
 * Hands out {@link Database} per bundle, migrating the bundle's schema first. The framework
 * calls {@link #getService} when a bundle first gets the service (for a DS component: before
 * it activates), so no component can see a schema that is not migrated. When the migration
 * fails the bundle gets {@code null}: its components stay unactivated and the failure is in
 * {@link vn.congso.api.data.MigrationStatus}.
 */
final class DatabaseServiceFactory implements ServiceFactory<Database> {

    private final Logger log = LoggerFactory.getLogger(DatabaseServiceFactory.class);
    /** One migration at a time in this JVM; Liquibase's lock table covers other nodes. */
    private final ReentrantLock migrationLock = new ReentrantLock();
    private final MigrationCache cache = new MigrationCache();
    private final Database database;
    private final LiquibaseMigrator migrator;
    private final MigrationRegistry registry;

    DatabaseServiceFactory(Database database, LiquibaseMigrator migrator, MigrationRegistry registry) {
        this.database = database;
        this.migrator = migrator;
        this.registry = registry;
    }

    @Override
    public Database getService(Bundle bundle, ServiceRegistration<Database> registration) {
        // Raw headers: a localised header could differ from what the bundle author wrote.
        String changelog = bundle.getHeaders("").get(Database.CHANGELOG_HEADER);
        if (changelog == null || changelog.isBlank()) {
            return database;
        }
        MigrationKey key = new MigrationKey(bundle.getSymbolicName(), bundle.getVersion().toString(),
                bundle.getLastModified());
        Migration outcome = migrateOnce(key, changelog, bundle);
        return outcome.state() == State.MIGRATED ? database : null;
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Database> registration, Database service) {
        // Nothing held per bundle: the data source is shared.
    }

    private Migration migrateOnce(MigrationKey key, String changelog, Bundle bundle) {
        migrationLock.lock();
        try {
            Optional<Migration> known = cache.lookup(key);
            if (known.isPresent()) {
                return known.get();
            }
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
            if (loader == null) {
                // Not resolved (or a fragment): nothing can be read, and nothing could use the database.
                log.warn("Bundle {} asked for the database but has no class loader; not migrated", key);
                return new Migration(key.bundleSymbolicName(), key.bundleVersion(), changelog, State.FAILED, 0,
                        "bundle has no class loader", java.time.Instant.now(), 0);
            }
            Migration outcome = migrator.migrate(key, changelog, loader);
            cache.put(key, outcome);
            registry.record(outcome);
            return outcome;
        } finally {
            migrationLock.unlock();
        }
    }
}
