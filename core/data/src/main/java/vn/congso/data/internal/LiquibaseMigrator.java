package vn.congso.data.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.core.spi.MigrationStatus.Migration;
import vn.congso.core.spi.MigrationStatus.State;

/**
 * Runs one bundle's Liquibase changelog against the platform database. Free of OSGi so that it
 * can be tested on a plain embedded Derby: the caller passes the bundle's class loader.
 *
 * <p>Liquibase applies each changeset in its own transaction (rolled back when it fails), and
 * its {@code DATABASECHANGELOGLOCK} keeps two nodes from migrating at once; within one JVM the
 * caller serialises runs.
 */
final class LiquibaseMigrator {

    /** Liquibase logs every lock and read at INFO through JUL; only its warnings are news. */
    private static final java.util.logging.Logger LIQUIBASE_JUL = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_JUL.setLevel(Level.WARNING);
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final DigestStore digestStore;

    LiquibaseMigrator(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.digestStore = new DigestStore(dataSource);
    }

    /**
     * Applies every changeset of a bundle's changelog that has not run yet.
     *
     * @param key the bundle build being migrated
     * @param changelogHeader the bundle's {@code CongSo-Changelog} header
     * @param bundleLoader the bundle's class loader, which sees the changelog
     * @return the outcome, never null; failures are reported in it, not thrown
     */
    Migration migrate(MigrationKey key, String changelogHeader, ClassLoader bundleLoader) {
        return migrate(key, changelogHeader, bundleLoader, null);
    }

    /**
     * Applies every changeset of a bundle's changelog that has not run yet, unless the
     * changelog files are exactly those of the bundle's last successful migration.
     *
     * @param key the bundle build being migrated
     * @param changelogHeader the bundle's {@code CongSo-Changelog} header
     * @param bundleLoader the bundle's class loader, which sees the changelog
     * @param digest the {@link ChangelogDigest} of the changelog files, or null to always run
     * @return the outcome, never null; failures are reported in it, not thrown
     */
    Migration migrate(MigrationKey key, String changelogHeader, ClassLoader bundleLoader, String digest) {
        Logger log = LoggerFactory.getLogger(key.bundleSymbolicName());
        long start = System.nanoTime();
        AtomicInteger applied = new AtomicInteger();
        String changelog = changelogHeader;
        try {
            changelog = ChangelogLocation.logicalPath(key.bundleSymbolicName(), changelogHeader);
            if (digest != null && digest.equals(digestStore.recorded(key.bundleSymbolicName()))) {
                long millis = elapsedMillis(start);
                log.debug("Changelog of {} {} unchanged since its last migration ({}, {} ms)",
                        key.bundleSymbolicName(), key.bundleVersion(), changelog, millis);
                return outcome(key, changelog, State.MIGRATED, 0, "", millis);
            }
            run(changelog, ChangelogLocation.prefix(key.bundleSymbolicName()), bundleLoader, applied);
            if (digest != null) {
                try {
                    digestStore.record(key, digest, clock.instant());
                } catch (SQLException e) {
                    // The schema is migrated; the next start merely runs Liquibase again.
                    log.warn("Could not record the changelog digest of {}: {}", key.bundleSymbolicName(),
                            e.getMessage());
                }
            }
            long millis = elapsedMillis(start);
            if (applied.get() > 0) {
                log.info("Migrated {} {}: {} changeset(s) of {} applied in {} ms", key.bundleSymbolicName(),
                        key.bundleVersion(), applied.get(), changelog, millis);
            } else {
                log.debug("Schema of {} {} is up to date ({}, {} ms)", key.bundleSymbolicName(),
                        key.bundleVersion(), changelog, millis);
            }
            return outcome(key, changelog, State.MIGRATED, applied.get(), "", millis);
        } catch (Exception | LinkageError e) {
            long millis = elapsedMillis(start);
            String message = messageOf(e);
            log.error("Migration of {} {} failed after {} ms ({} changeset(s) applied before the failing one,"
                    + " which was rolled back); the bundle gets no database: {}", key.bundleSymbolicName(),
                    key.bundleVersion(), millis, applied.get(), message);
            log.debug("Migration failure of {}", key.bundleSymbolicName(), e);
            return outcome(key, changelog, State.FAILED, applied.get(), message, millis);
        }
    }

    private void run(String changelog, String prefix, ClassLoader bundleLoader, AtomicInteger applied)
            throws Exception {
        ClassLoader liquibaseLoader = Scope.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Liquibase finds its own services (databases, change types, parsers) through the
        // context class loader; the OSGi serviceloader mediator (spifly) does the rest.
        thread.setContextClassLoader(liquibaseLoader);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                if (database instanceof DerbyDatabase derby) {
                    derby.setShutdownEmbeddedDerby(false); // the platform owns the engine
                }
                Map<String, Object> scope = new HashMap<>();
                // Only the bundle's files: Liquibase's own XSDs come from the context class loader.
                scope.put(Scope.Attr.resourceAccessor.name(),
                        new ClassLoaderResourceAccessor(new PrefixedClassLoader(prefix, bundleLoader)));
                scope.put(Scope.Attr.classLoader.name(), liquibaseLoader);
                scope.put(Scope.Attr.ui.name(), new LoggerUIService());
                scope.put("liquibase.analytics.enabled", Boolean.FALSE); // no network calls, ever
                ChangeExecListener listener = new AbstractChangeExecListener() {
                    @Override
                    public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database db,
                            ChangeSet.ExecType execType) {
                        if (execType == ChangeSet.ExecType.EXECUTED || execType == ChangeSet.ExecType.RERAN) {
                            applied.incrementAndGet();
                        }
                    }
                };
                Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                        .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute());
            } finally {
                finishTransaction(connection, autoCommit);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Liquibase leaves the connection with auto-commit off and, after a run with nothing to do,
     * an open transaction: Derby refuses to close such a connection, and a pool would hand it
     * on half-used. Applied changesets are committed already, so committing here only ends the
     * read-only remainder; after a failure the failing changeset is already rolled back.
     */
    private static void finishTransaction(Connection connection, boolean autoCommit) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        connection.setAutoCommit(autoCommit);
    }

    private Migration outcome(MigrationKey key, String changelog, State state, int applied, String message,
            long millis) {
        return new Migration(key.bundleSymbolicName(), key.bundleVersion(), changelog, state, applied, message,
                clock.instant(), millis);
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Liquibase's messages span lines; a log line and a table cell want one. */
    private static String oneLine(String message) {
        return message.trim().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Liquibase wraps its reason several times. Its {@code MigrationFailedException} names the
     * changeset and quotes the database's reason; otherwise the deepest message says most.
     */
    static String messageOf(Throwable e) {
        String deepest = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof liquibase.exception.MigrationFailedException && t.getMessage() != null) {
                return oneLine(t.getMessage());
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                deepest = t instanceof Error ? t.toString() : t.getMessage();
            }
        }
        return deepest == null ? e.getClass().getName() : oneLine(deepest);
    }
}
