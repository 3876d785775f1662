package vn.congso.training.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import javax.sql.DataSource;

/**
 * Transactions and parameter helpers over the platform's data source. Times are written and read
 * with a UTC calendar, so the stored value is the UTC wall-clock whatever the JVM's zone.
 *
 * <p>A transaction that loses a deadlock or a serialization conflict (SQLState class 40) is run
 * again, a few times, since the work is all in the database and can simply be repeated.
 */
public final class Jdbc {

    /** One unit of work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection the connection, inside a transaction
         * @return the result
         * @throws SQLException on database errors
         */
        T run(Connection connection) throws SQLException;
    }

    /** Maps one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        /**
         * Maps the current row.
         *
         * @param rs the result set, positioned on a row
         * @return the value
         * @throws SQLException on database errors
         */
        T map(ResultSet rs) throws SQLException;
    }

    private static final int ATTEMPTS = 4;

    private final DataSource dataSource;

    /**
     * Wraps a data source.
     *
     * @param dataSource the platform's data source
     */
    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param <T> the result type
     * @param work the work
     * @return its result
     * @throws StorageException when the database fails
     */
    public <T> T transaction(Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                if (!isRetryable(e)) {
                    throw new StorageException(e);
                }
                last = e;
                pause(attempt);
            }
        }
        throw new StorageException(last);
    }

    /** Deadlock, lock timeout or serialization failure: the transaction may simply be run again. */
    static boolean isRetryable(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && state.startsWith("40")) {
                return true;
            }
            if (s.getNextException() == s) {
                break;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(5L * attempt + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether an exception says a unique or primary key was violated (SQLState 23505 on Derby and PostgreSQL).
     *
     * @param e the exception
     * @return true for a duplicate key
     */
    public static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * Runs a query and maps every row.
     *
     * @param <T> the row type
     * @param c the connection
     * @param sql the statement
     * @param mapper maps a row
     * @param params the parameters, see {@link #bind}
     * @return the rows
     * @throws SQLException on database errors
     */
    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /**
     * Runs a query for at most one row.
     *
     * @param <T> the row type
     * @param c the connection
     * @param sql the statement
     * @param mapper maps the row
     * @param params the parameters
     * @return the row, or null when there is none
     * @throws SQLException on database errors
     */
    public static <T> T one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? mapper.map(rs) : null;
            }
        }
    }

    /**
     * Runs an update.
     *
     * @param c the connection
     * @param sql the statement
     * @param params the parameters
     * @return the number of rows changed
     * @throws SQLException on database errors
     */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /**
     * Runs an insert into a table with a generated {@code id} and returns it.
     *
     * @param c the connection
     * @param sql the insert
     * @param params the parameters
     * @return the generated id
     * @throws SQLException on database errors
     */
    public static long insert(Connection c, String sql, Object... params) throws SQLException {
        // Every table with a generated key has it as its first column: PostgreSQL returns all
        // columns for RETURN_GENERATED_KEYS, Derby the identity column.
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * Binds parameters by type: {@link Instant} as a UTC timestamp, {@link Null} as a typed null,
     * {@code byte[]} as bytes, everything else with {@code setObject}.
     *
     * @param ps the statement
     * @param params the values
     * @throws SQLException on database errors
     */
    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int index = i + 1;
            if (p instanceof Instant instant) {
                ps.setTimestamp(index, Timestamp.from(instant), utc());
            } else if (p instanceof Null n) {
                ps.setNull(index, n.sqlType());
            } else if (p instanceof byte[] bytes) {
                ps.setBytes(index, bytes);
            } else if (p instanceof String s) {
                ps.setString(index, s);
            } else if (p instanceof Enum<?> e) {
                ps.setString(index, e.name());
            } else if (p == null) {
                throw new IllegalArgumentException("untyped null parameter " + index + "; use Null");
            } else {
                ps.setObject(index, p);
            }
        }
    }

    /**
     * A typed SQL null parameter.
     *
     * @param sqlType a {@link Types} constant
     */
    public record Null(int sqlType) {
        /** A null timestamp. */
        public static final Null TIMESTAMP = new Null(Types.TIMESTAMP);
        /** A null BIGINT. */
        public static final Null BIGINT = new Null(Types.BIGINT);
        /** A null DOUBLE. */
        public static final Null DOUBLE = new Null(Types.DOUBLE);
        /** A null BOOLEAN. */
        public static final Null BOOLEAN = new Null(Types.BOOLEAN);
        /** A null CLOB. */
        public static final Null CLOB = new Null(Types.CLOB);
        /** A null VARCHAR. */
        public static final Null VARCHAR = new Null(Types.VARCHAR);
    }

    /**
     * An instant, or a typed null.
     *
     * @param instant the value, may be null
     * @return the parameter
     */
    public static Object ts(Instant instant) {
        return instant == null ? Null.TIMESTAMP : instant;
    }

    /**
     * A long, or a typed null.
     *
     * @param value the value, may be null
     * @return the parameter
     */
    public static Object bigint(Long value) {
        return value == null ? Null.BIGINT : value;
    }

    /**
     * A string, or a typed null.
     *
     * @param value the value, may be null
     * @return the parameter
     */
    public static Object text(String value) {
        return value == null ? Null.VARCHAR : value;
    }

    /**
     * Reads a UTC timestamp column.
     *
     * @param rs the row
     * @param column the column label
     * @return the instant, or null
     * @throws SQLException on database errors
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column, utc());
        return ts == null ? null : ts.toInstant();
    }

    /**
     * Reads a nullable BIGINT column.
     *
     * @param rs the row
     * @param column the column label
     * @return the value, or null
     * @throws SQLException on database errors
     */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * Reads a nullable DOUBLE column.
     *
     * @param rs the row
     * @param column the column label
     * @return the value, or null
     * @throws SQLException on database errors
     */
    public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** A fresh calendar: {@link Calendar} is mutable and JDBC drivers may change it. */
    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
