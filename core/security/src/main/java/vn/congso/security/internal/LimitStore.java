package vn.congso.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Where {@link Limits} keeps its counters so that they survive a restart: table
 * {@code sec_limit}, one row per bucket and key.
 */
interface LimitStore {

    /**
     * A stored counter.
     *
     * @param bucket what is limited
     * @param key who is limited
     * @param windowStart when the current window began
     * @param hits hits in the window
     * @param blockedUntil end of a block, or null
     * @param expiresAt when the row means nothing any more
     */
    record Row(String bucket, String key, Instant windowStart, int hits, Instant blockedUntil, Instant expiresAt) {
    }

    /** Keeps nothing: counters live only in memory. */
    LimitStore NONE = new LimitStore() {
        @Override
        public List<Row> load(Instant now) {
            return List.of();
        }

        @Override
        public void save(Row row) {
        }

        @Override
        public void delete(String bucket, String key) {
        }

        @Override
        public void deleteExpired(Instant now) {
        }
    };

    /** Every row that has not expired at {@code now}. */
    List<Row> load(Instant now) throws SQLException;

    /** Inserts or replaces a row. */
    void save(Row row) throws SQLException;

    /** Forgets a counter. */
    void delete(String bucket, String key) throws SQLException;

    /** Forgets every counter expired at {@code now}. */
    void deleteExpired(Instant now) throws SQLException;

    /** The store in the platform database (portable SQL: Derby and PostgreSQL). */
    static LimitStore jdbc(DataSource dataSource) {
        return new LimitStore() {
            @Override
            public List<Row> load(Instant now) throws SQLException {
                List<Row> rows = new ArrayList<>();
                try (Connection c = dataSource.getConnection();
                        PreparedStatement ps = c.prepareStatement("SELECT bucket, limit_key, window_start, hits, "
                                + "blocked_until, expires_at FROM sec_limit WHERE expires_at > ?")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Timestamp blocked = rs.getTimestamp(5);
                            rows.add(new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                                    rs.getInt(4), blocked == null ? null : blocked.toInstant(),
                                    rs.getTimestamp(6).toInstant()));
                        }
                    }
                }
                return rows;
            }

            @Override
            public void save(Row row) throws SQLException {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(true);
                    try (PreparedStatement update = c.prepareStatement("UPDATE sec_limit SET window_start = ?, "
                            + "hits = ?, blocked_until = ?, expires_at = ? WHERE bucket = ? AND limit_key = ?")) {
                        update.setTimestamp(1, Timestamp.from(row.windowStart()));
                        update.setInt(2, row.hits());
                        update.setTimestamp(3, row.blockedUntil() == null ? null : Timestamp.from(row.blockedUntil()));
                        update.setTimestamp(4, Timestamp.from(row.expiresAt()));
                        update.setString(5, row.bucket());
                        update.setString(6, row.key());
                        if (update.executeUpdate() > 0) {
                            return;
                        }
                    }
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO sec_limit (bucket, limit_key, "
                            + "window_start, hits, blocked_until, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                        insert.setString(1, row.bucket());
                        insert.setString(2, row.key());
                        insert.setTimestamp(3, Timestamp.from(row.windowStart()));
                        insert.setInt(4, row.hits());
                        insert.setTimestamp(5, row.blockedUntil() == null ? null : Timestamp.from(row.blockedUntil()));
                        insert.setTimestamp(6, Timestamp.from(row.expiresAt()));
                        insert.executeUpdate();
                    }
                }
            }

            @Override
            public void delete(String bucket, String key) throws SQLException {
                try (Connection c = dataSource.getConnection();
                        PreparedStatement ps = c.prepareStatement(
                                "DELETE FROM sec_limit WHERE bucket = ? AND limit_key = ?")) {
                    c.setAutoCommit(true);
                    ps.setString(1, bucket);
                    ps.setString(2, key);
                    ps.executeUpdate();
                }
            }

            @Override
            public void deleteExpired(Instant now) throws SQLException {
                try (Connection c = dataSource.getConnection();
                        PreparedStatement ps = c.prepareStatement("DELETE FROM sec_limit WHERE expires_at <= ?")) {
                    c.setAutoCommit(true);
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.executeUpdate();
                }
            }
        };
    }
}
