package vn.congso.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.data.Database;
import vn.congso.core.spi.MigrationStatus.Migration;
import vn.congso.core.spi.MigrationStatus.State;

/**
 * Hands out {@link Database} per bundle, migrating the bundle's schema first. The framework
 * calls {@link #getService} when a bundle first gets the service (for a DS component: before
 * it activates), so no component can see a schema that is not migrated. When the migration
 * fails the bundle gets {@code null}: its components stay unactivated and the failure is in
 * {@link vn.congso.core.spi.MigrationStatus}.
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
        return migrate(bundle).map(Migration::state).orElse(State.MIGRATED) == State.MIGRATED ? database : null;
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Database> registration, Database service) {
        // Nothing held per bundle: the data source is shared.
    }

    /**
     * Migrates a bundle now, whether or not it asks for the service: core/data runs its own
     * changelog this way before registering {@link Database}.
     *
     * @param bundle the bundle
     * @return the outcome, or empty when the bundle has no changelog
     */
    Optional<Migration> migrate(Bundle bundle) {
        String changelog = bundle.getHeaders("").get(Database.CHANGELOG_HEADER);
        if (changelog == null || changelog.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(migrateOnce(new MigrationKey(bundle.getSymbolicName(), bundle.getVersion().toString(),
                bundle.getLastModified()), changelog, bundle));
    }

    /** The digest of the files in the changelog's folder, or null (always run) when unreadable. */
    private String digestOf(Bundle bundle, String changelog) {
        try {
            String folder = ChangelogDigest.folderOf(ChangelogLocation.bundlePath(changelog));
            Enumeration<URL> entries = bundle.findEntries(folder, "*", true);
            Map<String, byte[]> files = new HashMap<>();
            while (entries != null && entries.hasMoreElements()) {
                URL entry = entries.nextElement();
                if (!entry.getPath().endsWith("/")) {
                    try (InputStream in = entry.openStream()) {
                        files.put(entry.getPath(), in.readAllBytes());
                    }
                }
            }
            return files.isEmpty() ? null : ChangelogDigest.of(files);
        } catch (IOException | IllegalArgumentException e) {
            log.debug("No changelog digest for {}: {}", bundle.getSymbolicName(), e.toString());
            return null;
        }
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
            Migration outcome = migrator.migrate(key, changelog, loader, digestOf(bundle, changelog));
            cache.put(key, outcome);
            registry.record(outcome);
            return outcome;
        } finally {
            migrationLock.unlock();
        }
    }
}
