package vn.congso.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** What the platform knows of every bundle's schema migrations, for the plugin view. */
@ProviderType
public interface MigrationStatus {

    /** The state of one bundle's schema. */
    enum State {
        /** Every changeset has been applied. */
        MIGRATED,
        /** A changeset failed; it was rolled back and the bundle gets no database. */
        FAILED
    }

    /**
     * The last migration of one bundle.
     *
     * @param bundleSymbolicName the bundle
     * @param bundleVersion its version
     * @param changelog the changelog path
     * @param state the outcome
     * @param changesetsApplied how many changesets this run applied (0 when up to date)
     * @param message Liquibase's message for a failure, empty otherwise
     * @param finishedAt when the run ended
     * @param millis how long it took
     */
    record Migration(String bundleSymbolicName, String bundleVersion, String changelog, State state,
            int changesetsApplied, String message, Instant finishedAt, long millis) {
    }

    /**
     * The last migration of every bundle that has a changelog, in no particular order.
     *
     * @return the migrations
     */
    List<Migration> migrations();

    /**
     * The last migration of one bundle.
     *
     * @param bundleSymbolicName the bundle
     * @return its migration, or empty when it has none
     */
    Optional<Migration> migration(String bundleSymbolicName);
}
