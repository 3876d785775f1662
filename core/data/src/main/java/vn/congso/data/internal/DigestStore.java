package vn.congso.data.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;
import javax.sql.DataSource;

/**
 * The {@code congso_migration} table (created by core/data's own changelog): the
 * {@link ChangelogDigest} of each bundle's changelog at its last successful migration. It lives
 * in the same database as the schema it describes, so a restored backup or another node
 * sharing the database sees a consistent record.
 */
final class DigestStore {

    private final DataSource dataSource;

    /** Times are stored as UTC, whatever the server's zone. */
    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }

    DigestStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The digest recorded for a bundle.
     *
     * @param bundleSymbolicName the bundle
     * @return the digest, or null when none is recorded or the table does not exist yet
     */
    String recorded(String bundleSymbolicName) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT digest FROM congso_migration WHERE bundle_symbolic_name = ?")) {
            ps.setString(1, bundleSymbolicName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null; // before core/data's own changelog ran: no record, so Liquibase runs
        }
    }

    /**
     * Records the digest of a successful migration.
     *
     * @param key the bundle build
     * @param digest its changelog digest
     * @param at when the migration finished
     * @throws SQLException when the record cannot be written
     */
    void record(MigrationKey key, String digest, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE congso_migration SET bundle_version = ?,"
                    + " digest = ?, migrated_at = ? WHERE bundle_symbolic_name = ?")) {
                ps.setString(1, key.bundleVersion());
                ps.setString(2, digest);
                ps.setTimestamp(3, Timestamp.from(at), utc());
                ps.setString(4, key.bundleSymbolicName());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO congso_migration"
                        + " (bundle_symbolic_name, bundle_version, digest, migrated_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, key.bundleSymbolicName());
                    ps.setString(2, key.bundleVersion());
                    ps.setString(3, digest);
                    ps.setTimestamp(4, Timestamp.from(at), utc());
                    ps.executeUpdate();
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
